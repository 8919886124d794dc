package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA027: a value scoped to all after the first position, where AWS's save-time guardrail does not look. */
final class HiddenLooseValueRule extends Rule {

    HiddenLooseValueRule() {
        super("GHA027", "loose sub or job_workflow_ref value hidden after the first list position");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (String claim : new String[] {"sub", "job_workflow_ref"}) {
            ValueVisitor.pinnedValues(context, claim, (statement, condition, i, value) -> {
                if (i > 0 && SubjectScope.admitsEveryone(condition.operator(), claim, value)) {
                    findings.add(finding(Severity.ERROR, GitHubTerms.valuePath(condition, i),
                            claim + " value #" + (i + 1) + " \"" + value + "\" admits every GitHub workflow; IAM "
                                    + "accepted the policy because its guardrail reads only the first value",
                            "remove \"" + value + "\" or replace it with a specific repository and ref"));
                }
            });
        }
        return findings;
    }
}
