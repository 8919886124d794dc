package io.github.ghaoidc.core.trust;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.internal.ExplanationJson;
import io.github.ghaoidc.core.trust.internal.ExplanationText;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The decision for a request with its reasons: per statement whether principal, action and each
 * condition matched, with the request's value (or its absence) and each policy value. Read it with
 * the accessors, as text ({@link #toText()}) or as JSON ({@link #toJson()}). Immutable, thread-safe.
 */
public final class Explanation {
    private final Decision decision;
    private final String action;
    private final String caller;
    private final Map<String, List<String>> requestContext;
    private final List<StatementExplanation> statements;

    private Explanation(Builder b) {
        this.decision = Objects.requireNonNull(b.decision, "decision");
        this.action = Objects.requireNonNull(b.action, "action");
        this.caller = Objects.requireNonNull(b.caller, "caller");
        this.requestContext = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(b.requestContext));
        this.statements = List.copyOf(b.statements);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Decision decision() {
        return decision;
    }

    /** The action evaluated. */
    public String action() {
        return action;
    }

    /** Who called: the OIDC provider ARN of a web-identity caller, or the role ARN of an AWS caller. */
    public String caller() {
        return caller;
    }

    /** The request context the conditions were evaluated against. */
    public Map<String, List<String>> requestContext() {
        return requestContext;
    }

    /** Every statement, in document order. */
    public List<StatementExplanation> statements() {
        return statements;
    }

    /** The statements that decided: the matching Deny statements, else the matching Allow statements. */
    public List<StatementExplanation> decidingStatements() {
        Effect deciding = decision == Decision.EXPLICIT_DENY ? Effect.DENY : Effect.ALLOW;
        if (decision == Decision.IMPLICIT_DENY) {
            return List.of();
        }
        return statements.stream().filter(s -> s.effect() == deciding && s.matched()).toList();
    }

    /** A readable account, one line per fact; conditions that failed say what the request carried. */
    public String toText() {
        return ExplanationText.render(this);
    }

    /** The explanation as a JSON document (one object; see docs/trust-engine.md for its shape). */
    public String toJson() {
        return toJsonNode().toString();
    }

    /** The explanation as a Jackson tree (a fresh copy each call). */
    public ObjectNode toJsonNode() {
        return ExplanationJson.render(this);
    }

    @Override
    public String toString() {
        return "Explanation[" + decision + "]";
    }

    /** Builder for {@link Explanation}; not thread-safe. */
    public static final class Builder {
        private Decision decision;
        private String action;
        private String caller;
        private Map<String, List<String>> requestContext = Map.of();
        private List<StatementExplanation> statements = List.of();

        private Builder() {
        }

        public Builder decision(Decision decision) {
            this.decision = decision;
            return this;
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder caller(String caller) {
            this.caller = caller;
            return this;
        }

        public Builder requestContext(Map<String, List<String>> requestContext) {
            this.requestContext = requestContext;
            return this;
        }

        public Builder statements(List<StatementExplanation> statements) {
            this.statements = statements;
            return this;
        }

        public Explanation build() {
            return new Explanation(this);
        }
    }
}
