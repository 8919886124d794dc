package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyPrincipal;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA014: NotPrincipal, Resource/NotResource, or a wildcard principal in a role trust policy. */
final class PrincipalShapeRule extends Rule {

    PrincipalShapeRule() {
        super("GHA014", "NotPrincipal, Resource or a \"*\" principal in a trust policy");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            String path = statement.path();
            if (statement.hasResource() || statement.hasNotResource()) {
                String element = statement.hasResource() ? "Resource" : "NotResource";
                findings.add(finding(Severity.ERROR, path + "." + element,
                        "a role trust policy cannot name a " + element + " (the role itself is the resource); IAM "
                                + "refuses it with \"Has prohibited field " + element + "\"",
                        "remove " + element));
            }
            if (statement.notPrincipal() != null) {
                findings.add(finding(Severity.ERROR, statement.notPrincipal().path(),
                        "NotPrincipal is not supported in role trust policies and would trust everyone not listed",
                        "name the trusted principal: \"Principal\": {\"Federated\": \"arn:aws:iam::ACCOUNT:oidc-provider/"
                                + GitHubTerms.GITHUB_HOST + "\"}"));
            }
            PolicyPrincipal principal = statement.principal();
            if (principal != null && (principal.isWildcard() || principal.valuesOf("AWS").contains("*")
                    || principal.valuesOf("Federated").contains("*"))) {
                findings.add(finding(Severity.ERROR, principal.path(),
                        "a \"*\" principal trusts every caller there is; it is unsupported for web identity and "
                                + "dangerous for everything else",
                        "name the OIDC provider: \"Principal\": {\"Federated\": \"arn:aws:iam::ACCOUNT:oidc-provider/"
                                + GitHubTerms.GITHUB_HOST + "\"}"));
            }
        }
        return findings;
    }
}
