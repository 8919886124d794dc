package io.github.ghaoidc.testkit.internal;

import io.github.ghaoidc.core.trust.ConditionExplanation;
import io.github.ghaoidc.core.trust.Explanation;
import io.github.ghaoidc.core.trust.PolicyValueCheck;
import io.github.ghaoidc.core.trust.StatementExplanation;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Failure messages of trust assertions: what was expected, what happened, the token's claims, the deciding
 * statement (or, when nothing matched, each Allow statement's failing part) and the conditions with the
 * request's and the policy's values.
 */
public final class FailureMessages {

    /** Claims shown first, when present; the rest are summarised by count. */
    private static final List<String> KEY_CLAIMS = List.of("sub", "aud", "iss", "repository", "ref", "event_name",
            "environment", "job_workflow_ref", "repository_id", "repository_owner_id");

    private FailureMessages() {
    }

    public static String render(String roleName, boolean expectedAllow, String run, String mode, Verdict verdict) {
        StringBuilder out = new StringBuilder();
        out.append("Expecting role ").append(roleName).append(expectedAllow ? " to ALLOW " : " to DENY ").append(run)
                .append("\nbut it was ").append(verdict.allowed() ? "ALLOWED" : "DENIED").append(" (")
                .append(verdict.outcome()).append(")\nmode: ").append(mode).append('\n');
        if (!verdict.detail().isEmpty()) {
            out.append("STS said: ").append(verdict.detail()).append('\n');
        }
        out.append("token claims:\n");
        Map<String, Object> claims = verdict.claims();
        for (String key : KEY_CLAIMS) {
            if (claims.containsKey(key)) {
                out.append("  ").append(key).append(" = ").append(claims.get(key)).append('\n');
            }
        }
        long others = claims.keySet().stream().filter(k -> !KEY_CLAIMS.contains(k)).count();
        out.append("  (").append(others).append(" more claims not shown)\n");
        Explanation e = verdict.explanation();
        if (e == null) {
            out.append("the trust policy was not evaluated: the token was refused before it\n");
            return out.toString();
        }
        List<StatementExplanation> deciding = e.decidingStatements();
        if (!deciding.isEmpty()) {
            for (StatementExplanation s : deciding) {
                out.append("deciding statement: ").append(label(s)).append('\n');
                s.conditions().forEach(c -> condition(out, c));
            }
        } else {
            out.append("deciding statement: none matched, so the request is implicitly denied\n");
            for (StatementExplanation s : e.statements()) {
                out.append("statement ").append(label(s)).append(" did not match:\n");
                if (!s.principalMatched()) {
                    out.append("  principal NOT matched (").append(s.principalNote()).append(")\n");
                }
                if (!s.actionMatched()) {
                    out.append("  action NOT matched: it does not cover ").append(e.action()).append('\n');
                }
                s.conditions().stream().filter(c -> !c.satisfied()).forEach(c -> condition(out, c));
            }
        }
        return out.toString();
    }

    private static String label(StatementExplanation s) {
        return s.path() + (s.sid() == null ? "" : " (Sid " + s.sid() + ")") + " " + s.effect().jsonName();
    }

    private static void condition(StringBuilder out, ConditionExplanation c) {
        out.append("  condition ").append(c.operator()).append(' ').append(c.key()).append(": ")
                .append(c.satisfied() ? "satisfied" : "NOT satisfied").append('\n');
        out.append("    request value: ").append(c.keyPresent() ? quoted(c.requestValues()) : "absent").append('\n');
        for (PolicyValueCheck v : c.policyValues()) {
            out.append("    policy value:  \"").append(v.value()).append('"')
                    .append(v.matched() ? " matches" : " does not match").append('\n');
        }
        if (!c.note().isEmpty()) {
            out.append("    note: ").append(c.note()).append('\n');
        }
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
