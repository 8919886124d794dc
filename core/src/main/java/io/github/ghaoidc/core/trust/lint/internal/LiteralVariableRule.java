package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA025: {@code ${…}} in a policy whose Version makes it literal text. */
final class LiteralVariableRule extends Rule {

    LiteralVariableRule() {
        super("GHA025", "${…} under a Version that makes it literal");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        if (context.policy().policyVariablesEnabled()) {
            return findings;
        }
        String version = context.policy().version();
        for (PolicyStatement statement : context.policy().statements()) {
            for (PolicyCondition condition : statement.conditions()) {
                for (int i = 0; i < condition.values().size(); i++) {
                    String value = condition.values().get(i);
                    if (value.contains("${")) {
                        findings.add(finding(Severity.WARNING, GitHubTerms.valuePath(condition, i),
                                "\"" + value + "\" is compared literally, ${…} included: policy variables work only "
                                        + "under Version 2012-10-17 (this policy has " + (version == null ? "no Version"
                                                : "Version " + version) + ")",
                                "add \"Version\": \"2012-10-17\" at the top of the policy"));
                    }
                }
            }
        }
        return findings;
    }
}
