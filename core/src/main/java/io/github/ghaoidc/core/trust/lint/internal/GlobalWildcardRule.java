package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * GHA002 (first value admits every owner: {@code *}, {@code repo:*}) and GHA003 (any value admits
 * every repository of one owner: {@code repo:org/*}).
 */
final class GlobalWildcardRule extends Rule {

    private final boolean organization;

    private GlobalWildcardRule(String id, String title, boolean organization) {
        super(id, title);
        this.organization = organization;
    }

    static GlobalWildcardRule global() {
        return new GlobalWildcardRule("GHA002", "sub or job_workflow_ref pattern that admits every GitHub workflow", false);
    }

    static GlobalWildcardRule organization() {
        return new GlobalWildcardRule("GHA003", "sub or job_workflow_ref pattern that admits every repository of an owner, or look-alike owners", true);
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            if (!GitHubTerms.isGitHubAllow(statement)) {
                continue;
            }
            for (PolicyCondition condition : statement.conditions()) {
                String claim = GitHubTerms.claim(condition.key());
                if (!GitHubTerms.isGitHubKey(condition.key()) || !GitHubTerms.isPinningOperator(condition.operator())
                        || !("sub".equals(claim) || "job_workflow_ref".equals(claim))) {
                    continue;
                }
                for (int i = 0; i < condition.values().size(); i++) {
                    check(condition, claim, i, findings);
                }
            }
        }
        return findings;
    }

    private void check(PolicyCondition condition, String claim, int i, List<LintFinding> findings) {
        String value = condition.values().get(i);
        SubjectScope.Reach reach = SubjectScope.reach(condition.operator(), claim, value);
        String example = "sub".equals(claim) ? "repo:OWNER/REPO:ref:refs/heads/main"
                : "OWNER/REPO/.github/workflows/deploy.yml@<commit SHA>";
        if (!organization && reach == SubjectScope.Reach.ALL && i == 0) {
            findings.add(finding(Severity.ERROR, GitHubTerms.valuePath(condition, i),
                    claim + " value \"" + value + "\" admits workflows of every GitHub repository, anyone's",
                    "name the repository and ref: \"" + example + "\""));
        } else if (organization && reach == SubjectScope.Reach.NARROW && SubjectScope.wildOwner(condition.operator(), claim, value)) {
            findings.add(finding(Severity.WARNING, GitHubTerms.valuePath(condition, i),
                    claim + " value \"" + value + "\" has a wildcard in the owner name, so any account whose name fits "
                            + "(e.g. one registered as a look-alike) is admitted",
                    "write the owner exactly, e.g. \"" + example + "\""));
        } else if (organization && reach == SubjectScope.Reach.ORGANIZATION) {
            String owner = SubjectScope.owner(claim, value);
            findings.add(finding(Severity.WARNING, GitHubTerms.valuePath(condition, i),
                    claim + " value \"" + value + "\" admits every repository of " + owner
                            + ", including ones created later and their pull requests",
                    "list the repositories, e.g. \"" + example.replace("OWNER", owner) + "\""));
        }
    }
}
