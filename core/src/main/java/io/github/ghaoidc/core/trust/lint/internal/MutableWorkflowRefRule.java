package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** GHA022: job_workflow_ref pinned to a branch or tag, which can move, instead of a commit SHA. */
final class MutableWorkflowRefRule extends Rule {

    private static final Pattern SHA = Pattern.compile(".*@[0-9a-f]{40}");

    MutableWorkflowRefRule() {
        super("GHA022", "job_workflow_ref pinned to a branch or tag instead of a commit SHA");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        ValueVisitor.pinnedValues(context, "job_workflow_ref", (statement, condition, i, value) -> {
            if (SHA.matcher(value).matches() || !value.contains("@")) {
                return;
            }
            String ref = value.substring(value.lastIndexOf('@') + 1);
            findings.add(finding(Severity.WARNING, GitHubTerms.valuePath(condition, i),
                    "job_workflow_ref is pinned to " + ref + ", which moves: whoever can push to it (or re-tag it) "
                            + "changes the workflow that gets this role",
                    "pin the reusable workflow by commit: \"" + value.substring(0, value.lastIndexOf('@') + 1)
                            + "<40-hex commit SHA>\", and call it with that SHA"));
        });
        return findings;
    }
}
