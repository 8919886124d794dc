package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA001: an Allow for GitHub's provider that does not pin sub, job_workflow_ref or repository_id. */
final class MissingPinRule extends Rule {

    MissingPinRule() {
        super("GHA001", "GitHub principal without a sub, job_workflow_ref or repository_id restriction");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            if (!GitHubTerms.isGitHubAllow(statement) || pins(statement)) {
                continue;
            }
            String prefix = GitHubTerms.suggestedPrefix(statement);
            findings.add(finding(Severity.ERROR, statement.path(),
                    "any GitHub Actions workflow of any repository can assume this role: the statement trusts "
                            + prefix + " but constrains neither sub, job_workflow_ref nor repository_id "
                            + "(IAM refuses to save such a policy for github.com since 2025-06-06, but roles created before then "
                            + "keep it and STS lets every workflow in; other issuers are not guarded)",
                    "add \"StringEquals\": {\"" + prefix + ":sub\": \"repo:OWNER/REPO:ref:refs/heads/main\"}"));
        }
        return findings;
    }

    private static boolean pins(PolicyStatement statement) {
        for (PolicyCondition condition : statement.conditions()) {
            if (GitHubTerms.isGitHubKey(condition.key())
                    && GitHubTerms.PINNING.contains(GitHubTerms.claim(condition.key()))
                    && GitHubTerms.isPinningOperator(condition.operator())
                    && !condition.operator().ifExists()) {
                return true;
            }
        }
        return false;
    }
}
