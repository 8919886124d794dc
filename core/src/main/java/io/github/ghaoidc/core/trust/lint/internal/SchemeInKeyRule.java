package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA011: {@code https://} in a condition key; IAM refuses it ("Condition can contain only one colon."). */
final class SchemeInKeyRule extends Rule {

    SchemeInKeyRule() {
        super("GHA011", "URL scheme in a condition key");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            for (PolicyCondition condition : statement.conditions()) {
                int scheme = condition.key().indexOf("://");
                if (scheme >= 0) {
                    findings.add(finding(Severity.ERROR, condition.path(),
                            "condition key " + condition.key() + " carries a URL scheme; IAM refuses the policy with "
                                    + "\"Condition can contain only one colon.\"",
                            "write the key without the scheme: " + condition.key().substring(scheme + 3)));
                }
            }
        }
        return findings;
    }
}
