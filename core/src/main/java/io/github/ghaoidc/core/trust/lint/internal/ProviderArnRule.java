package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** GHA016: a Federated value meant as an OIDC provider ARN that is not one. */
final class ProviderArnRule extends Rule {

    ProviderArnRule() {
        super("GHA016", "malformed OIDC provider ARN in a Federated principal");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            if (statement.principal() == null) {
                continue;
            }
            List<String> federated = statement.principal().valuesOf("Federated");
            for (int i = 0; i < federated.size(); i++) {
                String value = federated.get(i);
                String lower = value.toLowerCase(Locale.ROOT);
                boolean meantAsProvider = lower.contains("oidc-provider") || lower.contains(GitHubTerms.GITHUB_HOST)
                        || lower.contains("/_services/token");
                if (!meantAsProvider || GitHubTerms.isProviderArn(value)) {
                    continue;
                }
                String host = value.replaceFirst("^.*oidc-provider/", "").replaceFirst("^https?://", "");
                findings.add(finding(Severity.ERROR,
                        statement.principal().path() + ".Federated" + (federated.size() == 1 ? "" : "[" + i + "]"),
                        "\"" + value + "\" is not an IAM OIDC provider ARN (arn:PARTITION:iam::ACCOUNT:oidc-provider/HOST, "
                                + "HOST without https://); it never equals the provider of a web-identity call",
                        "write \"arn:aws:iam::ACCOUNT:oidc-provider/" + (host.isEmpty() ? GitHubTerms.GITHUB_HOST : host)
                                + "\" with your 12-digit account id"));
            }
        }
        return findings;
    }
}
