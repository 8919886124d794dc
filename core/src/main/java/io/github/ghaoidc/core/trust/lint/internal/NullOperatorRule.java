package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.SetQualifier;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA023: Null with IfExists (IAM has no NullIfExists), with a set qualifier, or with a value not true/false. */
final class NullOperatorRule extends Rule {

    NullOperatorRule() {
        super("GHA023", "Null with IfExists, a set qualifier, or a value other than true/false");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            for (PolicyCondition condition : statement.conditions()) {
                String raw = condition.rawOperator();
                if (raw.endsWith("NullIfExists")) {
                    findings.add(finding(Severity.ERROR, condition.path(),
                            raw + " does not exist: Null already tests whether the key exists, and IAM refuses the policy",
                            "use \"Null\": {\"" + condition.key() + "\": \"false\"} to require the key"));
                    continue;
                }
                if (condition.operator().base() != BaseOperator.NULL) {
                    continue;
                }
                if (condition.operator().qualifier() != SetQualifier.NONE) {
                    findings.add(finding(Severity.WARNING, condition.path(),
                            raw + ": a set qualifier means nothing on Null, which tests the key's presence",
                            "use plain \"Null\""));
                }
                for (int i = 0; i < condition.values().size(); i++) {
                    String value = condition.values().get(i);
                    if (!value.equals("true") && !value.equals("false")) {
                        findings.add(finding(Severity.ERROR, GitHubTerms.valuePath(condition, i),
                                "Null takes \"true\" (key absent) or \"false\" (key present), not \"" + value + "\"",
                                "write \"true\" or \"false\""));
                    }
                }
            }
        }
        return findings;
    }
}
