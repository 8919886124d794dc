package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** GHA004: a sub wildcard that also admits the repository's pull_request tokens. */
final class PullRequestRule extends Rule {

    private static final Pattern REPOSITORY_ONLY = Pattern.compile("repo:[^:*?/]+/[^:*?/]+");

    PullRequestRule() {
        super("GHA004", "sub pattern that admits pull_request workflows");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            if (!GitHubTerms.isGitHubAllow(statement)) {
                continue;
            }
            for (PolicyCondition condition : statement.conditions()) {
                if (!GitHubTerms.isOn(condition, "sub") || !GitHubTerms.isPinningOperator(condition.operator())) {
                    continue;
                }
                for (int i = 0; i < condition.values().size(); i++) {
                    String value = condition.values().get(i);
                    if (REPOSITORY_ONLY.matcher(value).matches()) {
                        findings.add(finding(Severity.WARNING, GitHubTerms.valuePath(condition, i),
                                "sub \"" + value + "\" is a customised subject with only the repository: every run of it, "
                                        + "pull requests included, carries this same sub",
                                "add the context to the subject template (include_claim_keys: [\"repo\", \"context\"]) and "
                                        + "pin \"" + value + ":ref:refs/heads/main\", or add a condition on "
                                        + condition.key().substring(0, condition.key().lastIndexOf(':')) + ":ref"));
                        continue;
                    }
                    if (condition.operator().base() != BaseOperator.STRING_LIKE) {
                        continue;
                    }
                    String repository = repository(value);
                    if (repository != null && GitHubTerms.admits(condition.operator(), value,
                            "repo:" + repository + ":pull_request")) {
                        findings.add(finding(Severity.WARNING, GitHubTerms.valuePath(condition, i),
                                "sub pattern \"" + value + "\" admits pull_request runs (sub repo:" + repository
                                        + ":pull_request): code proposed in any pull request, unreviewed and unmerged, "
                                        + "can assume this role",
                                "pin what may deploy: \"StringEquals\": {\"" + condition.key() + "\": \"repo:" + repository
                                        + ":ref:refs/heads/main\"} (or \"repo:" + repository
                                        + ":environment:production\"); give pull requests a separate read-only role"));
                    }
                }
            }
        }
        return findings;
    }

    /** {@code OWNER/REPO} of a {@code repo:OWNER/REPO:…} pattern, wildcards made concrete; null if none. */
    private static String repository(String value) {
        if (!value.startsWith("repo:")) {
            return null;
        }
        int end = value.indexOf(':', 5);
        String repository = (end < 0 ? value.substring(5) : value.substring(5, end))
                .replace('*', 'x').replace('?', 'x');
        return repository.contains("/") ? repository : (repository.equals("x") ? "x/x" : null);
    }
}
