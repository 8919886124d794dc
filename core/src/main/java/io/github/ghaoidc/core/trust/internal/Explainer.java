package io.github.ghaoidc.core.trust.internal;

import io.github.ghaoidc.core.trust.ConditionExplanation;
import io.github.ghaoidc.core.trust.Decision;
import io.github.ghaoidc.core.trust.Effect;
import io.github.ghaoidc.core.trust.Explanation;
import io.github.ghaoidc.core.trust.PolicyPrincipal;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.StatementExplanation;
import java.util.ArrayList;
import java.util.List;

/** Evaluates every statement and condition without short-cuts, recording why each matched or not. */
public final class Explainer {
    /** A statement with its compiled parts. */
    public record StatementInput(PolicyStatement statement, ActionMatcher action, List<ConditionMatcher> conditions) {
    }

    private Explainer() {
    }

    public static Explanation explain(List<StatementInput> statements, RequestContext ctx) {
        List<StatementExplanation> out = new ArrayList<>();
        boolean allow = false;
        boolean deny = false;
        for (StatementInput in : statements) {
            PolicyStatement s = in.statement();
            boolean principal = PrincipalMatch.statementApplies(s.principal(), s.notPrincipal(), ctx);
            boolean action = in.action().matches(ctx.actionLower());
            List<ConditionExplanation> conditions = new ArrayList<>();
            for (int i = 0; i < in.conditions().size(); i++) {
                conditions.add(ConditionExplainer.explain(s.conditions().get(i), in.conditions().get(i), ctx));
            }
            StatementExplanation e = new StatementExplanation(s.index(), s.sid(), s.effect(), s.path(), principal,
                    principalNote(s, ctx), action, conditions);
            out.add(e);
            if (e.matched()) {
                deny |= s.effect() == Effect.DENY;
                allow |= s.effect() == Effect.ALLOW;
            }
        }
        Decision decision = deny ? Decision.EXPLICIT_DENY : allow ? Decision.ALLOW : Decision.IMPLICIT_DENY;
        String caller = ctx.callerKind() == RequestContext.CallerKind.WEB_IDENTITY ? ctx.providerArn()
                : ctx.callerRoleArn();
        return Explanation.builder().decision(decision).action(ctx.action()).caller(caller)
                .requestContext(ctx.view()).statements(out).build();
    }

    private static String principalNote(PolicyStatement s, RequestContext ctx) {
        String who = ctx.callerKind() == RequestContext.CallerKind.WEB_IDENTITY
                ? "caller is Federated " + ctx.providerArn()
                : "caller is AWS " + ctx.callerRoleArn();
        PolicyPrincipal p = s.principal() != null ? s.principal() : s.notPrincipal();
        if (p == null) {
            return who + "; statement has no Principal";
        }
        String element = s.principal() != null ? "Principal" : "NotPrincipal";
        String named = p.isWildcard() ? "\"*\"" : p.values().toString();
        String extra = "";
        if (ctx.callerKind() == RequestContext.CallerKind.WEB_IDENTITY
                && (p.isWildcard() || p.valuesOf("AWS").contains("*"))) {
            extra = " (a \"*\" principal is treated as not covering web-identity callers)";
        }
        return who + "; " + element + " " + named + extra;
    }
}
