package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** GHA012: an operator IAM does not know, often a wrong case ({@code stringEquals}). */
final class OperatorNameRule extends Rule {

    OperatorNameRule() {
        super("GHA012", "unknown condition operator or wrong operator case");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (PolicyStatement statement : context.policy().statements()) {
            for (PolicyCondition condition : statement.conditions()) {
                String raw = condition.rawOperator();
                if (condition.operator().isRecognised() || raw.endsWith("NullIfExists")) {
                    continue;
                }
                String operatorPath = condition.path().substring(0, condition.path().length() - quotedKeyLength(condition));
                if (!seen.add(operatorPath)) {
                    continue;
                }
                String suggestion = suggest(raw);
                findings.add(finding(Severity.ERROR, operatorPath,
                        "IAM knows no condition operator \"" + raw + "\" (names are case-sensitive) and refuses the policy "
                                + "with \"Invalid Condition type : " + raw + "\"",
                        suggestion == null ? "use an IAM operator such as StringEquals, StringLike or Null"
                                : "write it as " + suggestion));
            }
        }
        return findings;
    }

    private static int quotedKeyLength(PolicyCondition condition) {
        String path = condition.path();
        int cut = path.endsWith("\"]") ? path.lastIndexOf("[\"") : path.lastIndexOf('.');
        return cut < 0 ? 0 : path.length() - cut;
    }

    /** The correctly cased operator, when {@code raw} differs from one only in case. */
    static String suggest(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String qualifier : new String[] {"", "ForAnyValue:", "ForAllValues:"}) {
            for (BaseOperator base : BaseOperator.values()) {
                for (String suffix : new String[] {"", "IfExists"}) {
                    String candidate = qualifier + base.jsonName() + suffix;
                    if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }
}
