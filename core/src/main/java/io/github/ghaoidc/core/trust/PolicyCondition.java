package io.github.ghaoidc.core.trust;

import io.github.ghaoidc.core.trust.internal.ConditionMatcher;
import java.util.List;
import java.util.Objects;

/**
 * One condition test of a statement: an operator, a context key and the policy's values (OR-ed, or
 * NOR-ed for a negated operator). A condition block with several operators or keys yields several
 * of these, AND-ed. Values are kept as text ({@code 5}, {@code true} become {@code "5"},
 * {@code "true"}). Wildcard patterns are compiled once, when the condition is built.
 * Immutable and thread-safe.
 */
public final class PolicyCondition {
    private final ConditionOperator operator;
    private final String key;
    private final List<String> values;
    private final String path;
    private final boolean policyVariables;
    private final ConditionMatcher matcher;

    private PolicyCondition(Builder b) {
        this.operator = ConditionOperator.parse(Objects.requireNonNull(b.operator, "operator"));
        this.key = Objects.requireNonNull(b.key, "key");
        this.values = List.copyOf(Objects.requireNonNull(b.values, "values"));
        this.path = b.path == null ? "$" : b.path;
        this.policyVariables = b.policyVariables;
        this.matcher = ConditionMatcher.compile(operator, key, values, policyVariables);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().operator(operator.raw()).key(key).values(values).path(path)
                .policyVariables(policyVariables);
    }

    /** The operator exactly as written, e.g. {@code ForAllValues:StringLike}. */
    public String rawOperator() {
        return operator.raw();
    }

    /** The parsed operator (base, qualifier, IfExists). */
    public ConditionOperator operator() {
        return operator;
    }

    /** The context key as written (matching is case-insensitive). */
    public String key() {
        return key;
    }

    /** The policy's values, as text, in document order. */
    public List<String> values() {
        return values;
    }

    /** JSON path of the key, e.g. {@code $.Statement[0].Condition.StringLike["token.actions.githubusercontent.com:sub"]}. */
    public String path() {
        return path;
    }

    /** Whether {@code ${...}} in values are policy variables (Version 2012-10-17) rather than literal text. */
    public boolean policyVariables() {
        return policyVariables;
    }

    ConditionMatcher matcher() {
        return matcher;
    }

    @Override
    public String toString() {
        return operator.raw() + " " + key + " " + values;
    }

    /** Builder for {@link PolicyCondition}; not thread-safe. */
    public static final class Builder {
        private String operator;
        private String key;
        private List<String> values = List.of();
        private String path;
        private boolean policyVariables = true;

        private Builder() {
        }

        /** Required: the operator as written, e.g. {@code StringEquals}. */
        public Builder operator(String operator) {
            this.operator = operator;
            return this;
        }

        /** Required: the condition key as written. */
        public Builder key(String key) {
            this.key = key;
            return this;
        }

        /** The policy values as text; default none (a positive operator with no value never matches). */
        public Builder values(List<String> values) {
            this.values = values;
            return this;
        }

        /** JSON path for messages; default {@code $}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Whether {@code ${...}} is substituted; default true (Version 2012-10-17). */
        public Builder policyVariables(boolean policyVariables) {
            this.policyVariables = policyVariables;
            return this;
        }

        public PolicyCondition build() {
            return new PolicyCondition(this);
        }
    }
}
