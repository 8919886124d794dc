package io.github.ghaoidc.core.trust;

/** A statement's {@code Effect}: exactly {@code "Allow"} or {@code "Deny"} (case-sensitive, as IAM). */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String jsonName;

    Effect(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The spelling used in policy JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** The effect spelt {@code name} exactly, or {@code null} when IAM would not accept the spelling. */
    public static Effect fromJson(String name) {
        for (Effect e : values()) {
            if (e.jsonName.equals(name)) {
                return e;
            }
        }
        return null;
    }
}
