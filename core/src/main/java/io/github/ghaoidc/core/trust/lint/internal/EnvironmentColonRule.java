package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** GHA026: a raw {@code :} in an environment name inside sub; GitHub sends it as {@code %3A}. */
final class EnvironmentColonRule extends Rule {

    private static final String MARK = ":environment:";

    /** Claim names a customised subject can continue with after the environment. */
    private static final Set<String> CLAIMS = Set.of("actor", "actor_id", "base_ref", "context", "enterprise",
            "enterprise_id", "environment", "event_name", "head_ref", "job_workflow_ref", "job_workflow_sha", "ref",
            "ref_protected", "ref_type", "repo", "repository", "repository_id", "repository_owner",
            "repository_owner_id", "repository_visibility", "runner_environment", "sha", "workflow", "workflow_ref",
            "workflow_sha");

    EnvironmentColonRule() {
        super("GHA026", "raw ':' in an environment name inside sub");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        ValueVisitor.pinnedValues(context, "sub", (statement, condition, i, value) -> {
            int at = value.indexOf(MARK);
            if (!value.startsWith("repo:") || at < 0) {
                return;
            }
            String environment = environmentOf(value.substring(at + MARK.length()));
            if (environment.indexOf(':') >= 0) {
                findings.add(finding(Severity.ERROR, GitHubTerms.valuePath(condition, i),
                        "environment \"" + environment + "\" contains ':', which GitHub writes as %3A in sub, so this "
                                + "value never matches",
                        "write \"" + value.substring(0, at + MARK.length()) + environment.replace(":", "%3A")
                                + value.substring(at + MARK.length() + environment.length()) + "\""));
            }
        });
        return findings;
    }

    /** The environment name: up to the next {@code :claim:} of a customised subject, else the rest. */
    private static String environmentOf(String rest) {
        for (int colon = rest.indexOf(':'); colon >= 0; colon = rest.indexOf(':', colon + 1)) {
            int next = rest.indexOf(':', colon + 1);
            String claim = next < 0 ? null : rest.substring(colon + 1, next);
            if (claim != null && (CLAIMS.contains(claim) || claim.startsWith("repo_property_"))) {
                return rest.substring(0, colon);
            }
        }
        return rest;
    }
}
