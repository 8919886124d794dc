package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GHA021: {@code refs/heads/main*} also admits {@code main-hotfix}; the name needs a terminator. */
final class BranchPrefixRule extends Rule {

    private static final Pattern OPEN_NAME = Pattern.compile(
            "(refs/heads/|refs/tags/|:environment:)([^*?]*[^/*?])\\*$");

    BranchPrefixRule() {
        super("GHA021", "branch, tag or environment prefix without a terminator (main*)");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (String claim : new String[] {"sub", "ref", "job_workflow_ref"}) {
            ValueVisitor.pinnedValues(context, claim, (statement, condition, i, value) -> {
                Matcher m = OPEN_NAME.matcher(value);
                if (condition.operator().base() != BaseOperator.STRING_LIKE || !m.find()) {
                    return;
                }
                String name = m.group(2);
                findings.add(finding(Severity.WARNING, GitHubTerms.valuePath(condition, i),
                        "\"" + value + "\" admits every name that merely starts with " + name + " (" + name + "-hotfix, "
                                + name + "x, …), which anyone who can push a branch or tag can create",
                        "match the name exactly (\"" + value.substring(0, value.length() - 1) + "\") or a namespace (\""
                                + value.substring(0, value.length() - 1) + "/*\")"));
            });
        }
        return findings;
    }
}
