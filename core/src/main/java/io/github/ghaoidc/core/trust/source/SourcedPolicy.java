package io.github.ghaoidc.core.trust.source;

import java.util.Objects;

/**
 * A role trust policy document as JSON text, with where it came from. Immutable and thread-safe.
 *
 * <p>The text is the policy exactly as read for plain JSON and Terraform (so duplicate keys and key
 * case survive for the linter), and the resolved document re-serialised as JSON for CloudFormation.
 */
public final class SourcedPolicy {

    private final String document;
    private final PolicyFormat format;
    private final String origin;

    private SourcedPolicy(Builder builder) {
        this.document = Objects.requireNonNull(builder.document, "document");
        this.format = Objects.requireNonNull(builder.format, "format");
        this.origin = Objects.requireNonNull(builder.origin, "origin");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().document(document).format(format).origin(origin);
    }

    /** The policy document as JSON text. */
    public String document() {
        return document;
    }

    /** The kind of file it was read from. */
    public PolicyFormat format() {
        return format;
    }

    /** Where in the source it was found, e.g. {@code stack.yaml: Resources.GitHubActionsRole}. */
    public String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return "SourcedPolicy[format=" + format + ", origin=" + origin + "]";
    }

    /** Builds a {@link SourcedPolicy}; every field is required. */
    public static final class Builder {
        private String document;
        private PolicyFormat format;
        private String origin;

        private Builder() {
        }

        public Builder document(String document) {
            this.document = document;
            return this;
        }

        public Builder format(PolicyFormat format) {
            this.format = format;
            return this;
        }

        public Builder origin(String origin) {
            this.origin = origin;
            return this;
        }

        public SourcedPolicy build() {
            return new SourcedPolicy(this);
        }
    }
}
