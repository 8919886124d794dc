package io.github.ghaoidc.core.trust.explore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One workflow context to try against a policy: a short name ({@code pull-request}), what it stands
 * for, the token claims GitHub would send for it and the issuer. Immutable and thread-safe.
 */
public final class ExplorationCase {

    private final String name;
    private final String description;
    private final Map<String, Object> claims;
    private final String issuer;
    private final String note;

    private ExplorationCase(Builder builder) {
        this.name = Objects.requireNonNull(builder.name, "name");
        this.description = Objects.requireNonNull(builder.description, "description");
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(builder.claims, "claims")));
        this.issuer = Objects.requireNonNull(builder.issuer, "issuer");
        this.note = builder.note;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).description(description).claims(claims).issuer(issuer).note(note);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** The token's claims, as GitHub would send them. */
    public Map<String, Object> claims() {
        return claims;
    }

    /** The token's issuer, i.e. the IAM OIDC provider URL. */
    public String issuer() {
        return issuer;
    }

    /**
     * A caveat the decision alone does not tell (e.g. STS refuses this audience before consulting the
     * policy unless the provider lists it), or {@code null}.
     */
    public String note() {
        return note;
    }

    /** The {@code sub} claim. */
    public String subject() {
        return String.valueOf(claims.get("sub"));
    }

    /** The {@code aud} claim. */
    public String audience() {
        return String.valueOf(claims.get("aud"));
    }

    @Override
    public String toString() {
        return "ExplorationCase[" + name + ", sub=" + subject() + "]";
    }

    /** Builds an {@link ExplorationCase}; every field but the note is required. */
    public static final class Builder {
        private String name;
        private String description;
        private Map<String, Object> claims;
        private String issuer;
        private String note;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder claims(Map<String, ?> claims) {
            this.claims = new LinkedHashMap<>(claims);
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** A caveat shown with the case's result; default {@code null} (none). */
        public Builder note(String note) {
            this.note = note;
            return this;
        }

        public ExplorationCase build() {
            return new ExplorationCase(this);
        }
    }
}
