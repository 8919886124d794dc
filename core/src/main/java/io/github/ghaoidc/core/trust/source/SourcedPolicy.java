package io.github.ghaoidc.core.trust.source;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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
    private final TreeMap<String, SourceLocation> locations;

    private SourcedPolicy(Builder builder) {
        this.document = Objects.requireNonNull(builder.document, "document");
        this.format = Objects.requireNonNull(builder.format, "format");
        this.origin = Objects.requireNonNull(builder.origin, "origin");
        this.locations = new TreeMap<>(builder.locations);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().document(document).format(format).origin(origin).locations(locations);
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

    /**
     * What the origin names after the file and line it starts with: {@code aws_iam_role.deploy (deploy)},
     * {@code Resources.GitHubActionsRole}; empty for a file that is the policy itself.
     */
    public String roleLabel() {
        return origin.replaceFirst("^[^:]*(:\\d+)*(: |$)", "");
    }

    /**
     * Where the element at {@code jsonPath} (a lint finding's path, e.g. {@code $.Statement[0].Condition.StringLike})
     * was written: the location recorded for the longest prefix of the path, or empty when none was recorded.
     */
    public Optional<SourceLocation> locate(String jsonPath) {
        for (String p = jsonPath; p != null; p = parent(p)) {
            SourceLocation at = locations.get(p);
            if (at != null) {
                return Optional.of(at);
            }
        }
        return Optional.empty();
    }

    /** Every recorded location by JSON path. */
    public Map<String, SourceLocation> locations() {
        return java.util.Collections.unmodifiableMap(locations);
    }

    private static String parent(String path) {
        if (path.equals("$")) {
            return null;
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        if (cut <= 0) {
            return "$";
        }
        // a key like ["token.actions.githubusercontent.com:sub"] holds dots: cut before its bracket
        int bracket = path.lastIndexOf("[\"");
        if (bracket >= 0 && path.endsWith("\"]") && cut > bracket) {
            cut = bracket;
        }
        return path.substring(0, cut);
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
        private Map<String, SourceLocation> locations = Map.of();

        private Builder() {
        }

        /** Where elements were written, by JSON path (see {@link SourcedPolicy#locate}). Default none. */
        public Builder locations(Map<String, SourceLocation> locations) {
            this.locations = Map.copyOf(locations);
            return this;
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
