package io.github.ghaoidc.core.trust;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement's {@code Principal} or {@code NotPrincipal}: either the bare wildcard {@code "*"} or a
 * map from principal type ({@code Federated}, {@code AWS}, {@code Service}, {@code CanonicalUser})
 * to its values (a single string in JSON becomes a one-element list). Immutable and thread-safe.
 */
public final class PolicyPrincipal {
    private final boolean wildcard;
    private final Map<String, List<String>> values;
    private final String path;

    private PolicyPrincipal(Builder b) {
        this.wildcard = b.wildcard;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        b.values.forEach((k, v) -> copy.put(Objects.requireNonNull(k), List.copyOf(v)));
        this.values = Collections.unmodifiableMap(copy);
        this.path = b.path == null ? "$" : b.path;
        if (wildcard && !values.isEmpty()) {
            throw new IllegalArgumentException("a wildcard principal has no typed values");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().wildcard(wildcard).path(path);
        values.forEach(b::put);
        return b;
    }

    /** True for {@code "Principal": "*"}. */
    public boolean isWildcard() {
        return wildcard;
    }

    /** Principal type → values, in document order; empty for the wildcard. */
    public Map<String, List<String>> values() {
        return values;
    }

    /** The values of one type (exact case, e.g. {@code Federated}), or an empty list. */
    public List<String> valuesOf(String type) {
        return values.getOrDefault(type, List.of());
    }

    /** JSON path of the element, e.g. {@code $.Statement[0].Principal}. */
    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return wildcard ? "*" : values.toString();
    }

    /** Builder for {@link PolicyPrincipal}; not thread-safe. */
    public static final class Builder {
        private boolean wildcard;
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private String path;

        private Builder() {
        }

        /** Whether this is {@code "*"}; default false. */
        public Builder wildcard(boolean wildcard) {
            this.wildcard = wildcard;
            return this;
        }

        /** Adds (or replaces) the values of one principal type. */
        public Builder put(String type, List<String> typeValues) {
            values.put(type, typeValues);
            return this;
        }

        /** JSON path for messages; default {@code $}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public PolicyPrincipal build() {
            return new PolicyPrincipal(this);
        }
    }
}
