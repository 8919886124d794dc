package io.github.ghaoidc.core.trust.internal;

import io.github.ghaoidc.core.trust.ConditionExplanation;
import io.github.ghaoidc.core.trust.Decision;
import io.github.ghaoidc.core.trust.Explanation;
import io.github.ghaoidc.core.trust.PolicyValueCheck;
import io.github.ghaoidc.core.trust.StatementExplanation;
import java.util.List;
import java.util.stream.Collectors;

/** Renders an {@link Explanation} as readable text. */
public final class ExplanationText {
    private ExplanationText() {
    }

    public static String render(Explanation e) {
        StringBuilder out = new StringBuilder();
        out.append("Decision: ").append(e.decision()).append(" - ").append(summary(e)).append('\n');
        out.append("Action: ").append(e.action()).append("; caller: ").append(e.caller()).append('\n');
        for (StatementExplanation s : e.statements()) {
            out.append("Statement ").append(s.index());
            if (s.sid() != null) {
                out.append(" (Sid ").append(s.sid()).append(')');
            }
            out.append(' ').append(s.effect().jsonName()).append(": ")
                    .append(s.matched() ? "MATCHED" : "not matched").append('\n');
            out.append("  principal: ").append(s.principalMatched() ? "matched" : "NOT matched")
                    .append(" (").append(s.principalNote()).append(")\n");
            out.append("  action: ").append(s.actionMatched() ? "matched" : "NOT matched").append('\n');
            for (ConditionExplanation c : s.conditions()) {
                out.append("  condition ").append(c.operator()).append(' ').append(c.key()).append(": ")
                        .append(c.satisfied() ? "satisfied" : "NOT satisfied").append('\n');
                out.append("    request value: ").append(c.keyPresent() ? quoted(c.requestValues()) : "absent")
                        .append('\n');
                for (PolicyValueCheck v : c.policyValues()) {
                    out.append("    policy value:  \"").append(v.value()).append('"');
                    if (v.resolved() != null && !v.resolved().equals(v.value())) {
                        out.append(" = \"").append(v.resolved()).append('"');
                    }
                    out.append(v.matched() ? "  matches" : "  does not match").append('\n');
                }
                if (!c.note().isEmpty()) {
                    out.append("    note: ").append(c.note()).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String summary(Explanation e) {
        if (e.decision() == Decision.IMPLICIT_DENY) {
            return "no statement matched";
        }
        String which = e.decidingStatements().stream().map(s -> "statement " + s.index()
                + (s.sid() == null ? "" : " (Sid " + s.sid() + ")")).collect(Collectors.joining(", "));
        return (e.decision() == Decision.ALLOW ? "allowed by " : "denied by ") + which;
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
