package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GHA009: a condition on a GitHub claim AWS never puts in the request context. */
final class HiddenClaimRule extends Rule {

    private static final Map<String, String> INSTEAD = Map.of(
            "repository_owner", "repository_owner_id (StringEquals the owner's numeric id), or the owner in sub",
            "workflow_ref", "job_workflow_ref",
            "event_name", "the sub pattern (repo:OWNER/REPO:pull_request, :ref:…, :environment:…)",
            "ref_type", "the sub pattern (…:ref:refs/heads/… or …:ref:refs/tags/…)",
            "head_ref", "the sub pattern",
            "base_ref", "the sub pattern",
            "repository_visibility", "a sub or repository_id pin");

    HiddenClaimRule() {
        super("GHA009", "condition on a GitHub claim AWS does not expose");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            for (PolicyCondition condition : statement.conditions()) {
                String claim = GitHubTerms.claim(condition.key());
                if (!GitHubTerms.isGitHubKey(condition.key()) || GitHubTerms.EXPOSED.contains(claim)
                        || condition.operator().base() == null) {
                    continue;
                }
                boolean alwaysTrue = condition.operator().holdsWhenKeyAbsent();
                findings.add(finding(Severity.ERROR, condition.path(),
                        "AWS does not put the " + claim + " claim in the request context, so this condition sees a "
                                + "missing key and " + (alwaysTrue ? "always passes: it restricts nothing"
                                        : "never matches: the statement never applies"),
                        "use an exposed claim instead: " + INSTEAD.getOrDefault(claim,
                                "sub, repository_id, job_workflow_ref, environment, ref, actor_id, …")));
            }
        }
        return findings;
    }
}
