package io.github.ghaoidc.core.trust.explore.internal;

import io.github.ghaoidc.core.trust.ConditionExplanation;
import io.github.ghaoidc.core.trust.Effect;
import io.github.ghaoidc.core.trust.Explanation;
import io.github.ghaoidc.core.trust.StatementExplanation;
import java.util.List;

/** Condenses an {@link Explanation} into the deciding statement and a one-line reason. */
public final class Reasons {

    private Reasons() {
    }

    /** {@code $.Statement[0] (Sid)} of the first deciding statement, or null when none decided. */
    public static String decidingStatement(Explanation explanation) {
        List<StatementExplanation> deciding = explanation.decidingStatements();
        return deciding.isEmpty() ? null : label(deciding.get(0));
    }

    /** Why: the deciding statement, or for an implicit deny what kept the nearest Allow from matching. */
    public static String reason(Explanation explanation) {
        List<StatementExplanation> deciding = explanation.decidingStatements();
        if (!deciding.isEmpty()) {
            StatementExplanation s = deciding.get(0);
            return (s.effect() == Effect.DENY ? "denied by " : "allowed by ") + label(s);
        }
        StatementExplanation nearest = null;
        for (StatementExplanation s : explanation.statements()) {
            if (s.effect() == Effect.ALLOW && (nearest == null || score(s) > score(nearest))) {
                nearest = s;
            }
        }
        if (nearest == null) {
            return "no Allow statement";
        }
        if (!nearest.principalMatched()) {
            return "principal of " + label(nearest) + " does not match: " + nearest.principalNote();
        }
        if (!nearest.actionMatched()) {
            return "action of " + label(nearest) + " does not cover " + explanation.action();
        }
        for (ConditionExplanation c : nearest.conditions()) {
            if (!c.satisfied()) {
                String got = c.keyPresent() ? "token has " + String.join(", ", c.requestValues()) : "key absent from the request";
                return c.operator() + " " + c.key() + " failed (" + got + ")";
            }
        }
        return "no statement matched";
    }

    private static int score(StatementExplanation s) {
        return (s.principalMatched() ? 2 : 0) + (s.actionMatched() ? 1 : 0);
    }

    private static String label(StatementExplanation s) {
        return s.path() + (s.sid() == null || s.sid().isEmpty() ? "" : " (" + s.sid() + ")");
    }
}
