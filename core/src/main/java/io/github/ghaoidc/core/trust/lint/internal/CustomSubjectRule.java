package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA020: a customised sub that begins with a claim anyone who can push may choose. */
final class CustomSubjectRule extends Rule {

    private static final List<String> INFLUENCED = List.of("workflow", "environment", "ref", "head_ref", "base_ref");

    CustomSubjectRule() {
        super("GHA020", "custom sub led by an attacker-influenced claim");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        ValueVisitor.pinnedValues(context, "sub", (statement, condition, i, value) -> {
            for (String claim : INFLUENCED) {
                if (value.startsWith(claim + ":")) {
                    findings.add(finding(Severity.WARNING, GitHubTerms.valuePath(condition, i),
                            "the customised sub starts with " + claim + ", a value any workflow author can choose: "
                                    + "a crafted " + claim + " containing ':' can imitate the claims that follow "
                                    + "and reach this role from another repository",
                            "start the subject template with repo or repository_id (include_claim_keys: "
                                    + "[\"repository_id\", \"" + claim + "\"]) and pin that first"));
                    return;
                }
            }
        });
        return findings;
    }
}
