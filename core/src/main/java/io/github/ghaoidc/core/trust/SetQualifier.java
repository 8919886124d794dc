package io.github.ghaoidc.core.trust;

/** The set-operator prefix of a condition operator ({@code ForAnyValue:} / {@code ForAllValues:}). */
public enum SetQualifier {
    /** No prefix: the key is compared as a single value. */
    NONE(""),
    /** {@code ForAnyValue:} — true when some request value satisfies the operator; false when the key is absent. */
    FOR_ANY_VALUE("ForAnyValue"),
    /** {@code ForAllValues:} — true when every request value satisfies it; true when the key is absent or empty. */
    FOR_ALL_VALUES("ForAllValues");

    private final String jsonName;

    SetQualifier(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The prefix as written in JSON, without the colon; empty for {@link #NONE}. */
    public String jsonName() {
        return jsonName;
    }
}
