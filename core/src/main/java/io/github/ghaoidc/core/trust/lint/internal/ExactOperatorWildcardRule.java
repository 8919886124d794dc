package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA005: {@code *} or {@code ?} under an exact string operator, where they are literal characters. */
final class ExactOperatorWildcardRule extends Rule {

    ExactOperatorWildcardRule() {
        super("GHA005", "* or ? in a StringEquals-family operator, where they match only themselves");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            for (PolicyCondition condition : statement.conditions()) {
                BaseOperator base = condition.operator().base();
                if (base != BaseOperator.STRING_EQUALS && base != BaseOperator.STRING_NOT_EQUALS
                        && base != BaseOperator.STRING_EQUALS_IGNORE_CASE && base != BaseOperator.STRING_NOT_EQUALS_IGNORE_CASE) {
                    continue;
                }
                for (int i = 0; i < condition.values().size(); i++) {
                    String value = condition.values().get(i);
                    if (hasBareWildcard(value)) {
                        String like = base.isNegated() ? "StringNotLike" : "StringLike";
                        findings.add(finding(Severity.ERROR, GitHubTerms.valuePath(condition, i),
                                base.jsonName() + " compares \"" + value + "\" character for character: its * and ? "
                                        + "are literal, so no real token value matches it as a pattern",
                                "use " + like + " for a pattern, or write the exact value"));
                    }
                }
            }
        }
        return findings;
    }

    private static boolean hasBareWildcard(String value) {
        String stripped = value.replace("${*}", "").replace("${?}", "");
        return stripped.indexOf('*') >= 0 || stripped.indexOf('?') >= 0;
    }
}
