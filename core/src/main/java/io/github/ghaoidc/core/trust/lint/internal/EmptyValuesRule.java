package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA024: a condition with an empty value list. */
final class EmptyValuesRule extends Rule {

    EmptyValuesRule() {
        super("GHA024", "condition with an empty value array");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            for (PolicyCondition condition : statement.conditions()) {
                if (condition.values().isEmpty()) {
                    boolean negated = condition.operator().isNegated();
                    findings.add(finding(Severity.ERROR, condition.path(),
                            "an empty value list " + (negated ? "makes a negated operator always true: it excludes nothing"
                                    : "never matches: the statement can never apply"),
                            "list the values, or remove the condition"));
                }
            }
        }
        return findings;
    }
}
