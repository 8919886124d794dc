package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA017: no aud condition in a GitHub Allow, or an aud value outside the provider's client IDs. */
final class AudienceRule extends Rule {

    AudienceRule() {
        super("GHA017", "missing aud condition, or an audience the provider does not list");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        String expected = context.audiences().isEmpty() ? "sts.amazonaws.com" : context.audiences().get(0);
        for (PolicyStatement statement : context.policy().statements()) {
            if (!GitHubTerms.isGitHubAllow(statement)) {
                continue;
            }
            boolean pinned = false;
            for (PolicyCondition condition : statement.conditions()) {
                if (!GitHubTerms.isOn(condition, "aud") || !GitHubTerms.isPinningOperator(condition.operator())) {
                    continue;
                }
                pinned = true;
                for (int i = 0; i < condition.values().size(); i++) {
                    String value = condition.values().get(i);
                    if (!context.audiences().contains(value)) {
                        findings.add(finding(Severity.WARNING, GitHubTerms.valuePath(condition, i),
                                "audience \"" + value + "\" is not a client ID of the provider (" + String.join(", ",
                                        context.audiences()) + "): STS rejects such tokens with \"Incorrect token audience\"",
                                "use \"" + expected + "\", or add the audience to the provider's client ID list"));
                    }
                }
            }
            if (!pinned) {
                findings.add(finding(Severity.WARNING, statement.path(),
                        "no aud condition: any audience the provider lists is accepted, including ones meant "
                                + "for other roles or tools",
                        "add \"StringEquals\": {\"" + GitHubTerms.suggestedPrefix(statement) + ":aud\": \"" + expected + "\"}"));
            }
        }
        return findings;
    }
}
