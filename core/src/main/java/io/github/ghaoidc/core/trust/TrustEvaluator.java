package io.github.ghaoidc.core.trust;

import io.github.ghaoidc.core.trust.internal.ConditionMatcher;
import io.github.ghaoidc.core.trust.internal.Explainer;
import io.github.ghaoidc.core.trust.internal.PrincipalMatch;
import io.github.ghaoidc.core.trust.internal.RequestContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates trust policies as IAM does: a matching Deny wins, else a matching Allow allows, else the
 * request is implicitly denied; a statement matches when its action, principal and every condition
 * match. {@link #evaluate} is the fast path (patterns were compiled at parse time; no explanation is
 * built); {@link #explain} gives the reasons. Stateless and thread-safe: share one instance.
 */
public final class TrustEvaluator {
    private static final TrustEvaluator INSTANCE = new TrustEvaluator();

    private TrustEvaluator() {
    }

    /** The evaluator (it has no settings). */
    public static TrustEvaluator create() {
        return INSTANCE;
    }

    /** The decision for the request. */
    public Decision evaluate(TrustPolicy policy, TrustRequest request) {
        RequestContext ctx = request.context();
        List<PolicyStatement> statements = policy.statements();
        boolean allowed = false;
        for (int i = 0, n = statements.size(); i < n; i++) {
            PolicyStatement s = statements.get(i);
            if (allowed && s.effect() == Effect.ALLOW) {
                continue;
            }
            if (matches(s, ctx)) {
                if (s.effect() == Effect.DENY) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** The decision with its reasons (every statement and condition is evaluated). */
    public Explanation explain(TrustPolicy policy, TrustRequest request) {
        RequestContext ctx = request.context();
        List<Explainer.StatementInput> inputs = new ArrayList<>();
        for (PolicyStatement s : policy.statements()) {
            List<ConditionMatcher> matchers = new ArrayList<>();
            for (PolicyCondition c : s.conditions()) {
                matchers.add(c.matcher());
            }
            inputs.add(new Explainer.StatementInput(s, s.actionMatcher(), matchers));
        }
        Explanation explanation = Explainer.explain(inputs, ctx);
        Decision fast = evaluate(policy, request);
        if (fast != explanation.decision()) {
            throw new IllegalStateException("explanation and evaluation disagree: " + fast + " vs "
                    + explanation.decision());
        }
        return explanation;
    }

    private static boolean matches(PolicyStatement s, RequestContext ctx) {
        if (!s.actionMatcher().matches(ctx.actionLower())) {
            return false;
        }
        if (!PrincipalMatch.statementApplies(s.principal(), s.notPrincipal(), ctx)) {
            return false;
        }
        List<PolicyCondition> conditions = s.conditions();
        for (int i = 0, n = conditions.size(); i < n; i++) {
            if (!conditions.get(i).matcher().evaluate(ctx)) {
                return false;
            }
        }
        return true;
    }
}
