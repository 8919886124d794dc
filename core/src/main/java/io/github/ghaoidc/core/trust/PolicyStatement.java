package io.github.ghaoidc.core.trust;

import io.github.ghaoidc.core.trust.internal.ActionMatcher;
import java.util.List;
import java.util.Objects;

/**
 * One statement of a trust policy. {@code Action}/{@code NotAction} and {@code Principal}/
 * {@code NotPrincipal} keep which of the pair was written ({@code null} list / principal when
 * absent); {@code Resource} and {@code NotResource} are only recorded as present or not, since IAM
 * forbids them in a trust policy. Immutable and thread-safe.
 */
public final class PolicyStatement {
    private final int index;
    private final String sid;
    private final Effect effect;
    private final PolicyPrincipal principal;
    private final PolicyPrincipal notPrincipal;
    private final List<String> action;
    private final List<String> notAction;
    private final boolean hasResource;
    private final boolean hasNotResource;
    private final List<PolicyCondition> conditions;
    private final String path;
    private final ActionMatcher actionMatcher;

    private PolicyStatement(Builder b) {
        this.index = b.index;
        this.sid = b.sid;
        this.effect = Objects.requireNonNull(b.effect, "effect");
        this.principal = b.principal;
        this.notPrincipal = b.notPrincipal;
        this.action = b.action == null ? null : List.copyOf(b.action);
        this.notAction = b.notAction == null ? null : List.copyOf(b.notAction);
        this.hasResource = b.hasResource;
        this.hasNotResource = b.hasNotResource;
        this.conditions = List.copyOf(b.conditions);
        this.path = b.path == null ? "$.Statement[" + index + "]" : b.path;
        this.actionMatcher = ActionMatcher.compile(action, notAction);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().index(index).sid(sid).effect(effect).principal(principal)
                .notPrincipal(notPrincipal).action(action).notAction(notAction).hasResource(hasResource)
                .hasNotResource(hasNotResource).conditions(conditions).path(path);
    }

    /** Position in the {@code Statement} list (0 when {@code Statement} is a single object). */
    public int index() {
        return index;
    }

    /** The {@code Sid}, or {@code null}. */
    public String sid() {
        return sid;
    }

    public Effect effect() {
        return effect;
    }

    /** {@code Principal}, or {@code null} when absent. */
    public PolicyPrincipal principal() {
        return principal;
    }

    /** {@code NotPrincipal}, or {@code null} when absent. */
    public PolicyPrincipal notPrincipal() {
        return notPrincipal;
    }

    /** {@code Action} values, or {@code null} when the statement has no {@code Action}. */
    public List<String> action() {
        return action;
    }

    /** {@code NotAction} values, or {@code null} when the statement has no {@code NotAction}. */
    public List<String> notAction() {
        return notAction;
    }

    public boolean hasResource() {
        return hasResource;
    }

    public boolean hasNotResource() {
        return hasNotResource;
    }

    /** The condition tests, in document order (AND-ed). */
    public List<PolicyCondition> conditions() {
        return conditions;
    }

    /** JSON path of the statement, e.g. {@code $.Statement[1]} ({@code $.Statement} when it is a single object). */
    public String path() {
        return path;
    }

    ActionMatcher actionMatcher() {
        return actionMatcher;
    }

    @Override
    public String toString() {
        return "PolicyStatement[" + path + (sid == null ? "" : ", sid=" + sid) + ", " + effect.jsonName() + "]";
    }

    /** Builder for {@link PolicyStatement}; not thread-safe. */
    public static final class Builder {
        private int index;
        private String sid;
        private Effect effect;
        private PolicyPrincipal principal;
        private PolicyPrincipal notPrincipal;
        private List<String> action;
        private List<String> notAction;
        private boolean hasResource;
        private boolean hasNotResource;
        private List<PolicyCondition> conditions = List.of();
        private String path;

        private Builder() {
        }

        public Builder index(int index) {
            this.index = index;
            return this;
        }

        public Builder sid(String sid) {
            this.sid = sid;
            return this;
        }

        /** Required. */
        public Builder effect(Effect effect) {
            this.effect = effect;
            return this;
        }

        public Builder principal(PolicyPrincipal principal) {
            this.principal = principal;
            return this;
        }

        public Builder notPrincipal(PolicyPrincipal notPrincipal) {
            this.notPrincipal = notPrincipal;
            return this;
        }

        public Builder action(List<String> action) {
            this.action = action;
            return this;
        }

        public Builder notAction(List<String> notAction) {
            this.notAction = notAction;
            return this;
        }

        public Builder hasResource(boolean hasResource) {
            this.hasResource = hasResource;
            return this;
        }

        public Builder hasNotResource(boolean hasNotResource) {
            this.hasNotResource = hasNotResource;
            return this;
        }

        public Builder conditions(List<PolicyCondition> conditions) {
            this.conditions = conditions;
            return this;
        }

        /** JSON path; default {@code $.Statement[index]}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public PolicyStatement build() {
            return new PolicyStatement(this);
        }
    }
}
