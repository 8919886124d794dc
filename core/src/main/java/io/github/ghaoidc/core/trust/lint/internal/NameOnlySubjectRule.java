package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** GHA018: a sub pinned by names only, with no repository_id or owner id pin (rename and recycling risk). */
final class NameOnlySubjectRule extends Rule {

    NameOnlySubjectRule() {
        super("GHA018", "sub pinned by repository name only, without an ID pin");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        Set<PolicyStatement> reported = new HashSet<>();
        ValueVisitor.pinnedValues(context, "sub", (statement, condition, i, value) -> {
            if (!value.startsWith("repo:") || value.contains("@") || hasIdPin(statement) || !reported.add(statement)) {
                return;
            }
            String prefix = GitHubTerms.prefix(condition.key());
            findings.add(finding(Severity.INFO, GitHubTerms.valuePath(condition, i),
                    "sub names the repository only by OWNER/REPO: if it is renamed, transferred or deleted, a new "
                            + "repository with that name (possibly someone else's) inherits this trust",
                    "also pin \"StringEquals\": {\"" + prefix + ":repository_id\": \"<numeric id>\"}, or opt in to "
                            + "immutable subjects (repo:OWNER@OWNER_ID/REPO@REPO_ID:…)"));
        });
        return findings;
    }

    private static boolean hasIdPin(PolicyStatement statement) {
        for (PolicyCondition condition : statement.conditions()) {
            String claim = GitHubTerms.claim(condition.key());
            if (GitHubTerms.isGitHubKey(condition.key()) && GitHubTerms.isPinningOperator(condition.operator())
                    && ("repository_id".equals(claim) || "repository_owner_id".equals(claim))) {
                return true;
            }
        }
        return false;
    }
}
