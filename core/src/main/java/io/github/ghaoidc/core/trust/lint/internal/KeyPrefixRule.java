package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA010: a GitHub condition key whose prefix is not the statement's provider (GHEC slug, GHES host). */
final class KeyPrefixRule extends Rule {

    KeyPrefixRule() {
        super("GHA010", "condition key prefix that is not the principal's OIDC provider");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            List<String> hosts = GitHubTerms.gitHubHosts(statement);
            if (hosts.isEmpty()) {
                continue;
            }
            for (PolicyCondition condition : statement.conditions()) {
                String prefix = GitHubTerms.prefix(condition.key());
                if (!GitHubTerms.isGitHubKey(condition.key()) || prefix.contains("://")
                        || hosts.stream().anyMatch(prefix::equalsIgnoreCase)) {
                    continue;
                }
                findings.add(finding(Severity.ERROR, condition.path(),
                        "key prefix " + prefix + " is not the provider this statement trusts (" + String.join(", ", hosts)
                                + "): AWS names the keys after the token's issuer, so this key is absent from every "
                                + "request and the condition " + (condition.operator()
                                        .holdsWhenKeyAbsent() ? "always passes" : "never matches"),
                        "write the key as " + hosts.get(0) + ":" + GitHubTerms.claim(condition.key())));
            }
        }
        return findings;
    }
}
