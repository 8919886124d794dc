package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.Effect;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA008: a negated or IfExists operator on an optional claim in an Allow passes when the claim is absent. */
final class OptionalClaimRule extends Rule {

    OptionalClaimRule() {
        super("GHA008", "negated or IfExists operator on an optional claim in an Allow");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            if (statement.effect() != Effect.ALLOW) {
                continue;
            }
            for (PolicyCondition condition : statement.conditions()) {
                String claim = GitHubTerms.claim(condition.key());
                if (!GitHubTerms.isGitHubKey(condition.key()) || !GitHubTerms.OPTIONAL.contains(claim)
                        || condition.operator().base() == null || condition.operator().base() == BaseOperator.NULL) {
                    continue;
                }
                boolean negated = condition.operator().isNegated();
                if ((negated || condition.operator().ifExists()) && condition.operator().holdsWhenKeyAbsent()
                        && !requiresPresence(statement, condition.key())) {
                    findings.add(finding(Severity.WARNING, condition.path(),
                            condition.rawOperator() + " is true when the token has no " + claim + " claim, so every job "
                                    + "without one (e.g. no deployment environment) passes this condition",
                            negated ? "state what is allowed with a positive operator (StringEquals), or add "
                                    + "\"Null\": {\"" + condition.key() + "\": \"false\"} to require the claim"
                                    : "drop IfExists so that a missing " + claim + " fails the condition"));
                }
            }
        }
        return findings;
    }

    private static boolean requiresPresence(PolicyStatement statement, String key) {
        for (PolicyCondition condition : statement.conditions()) {
            if (condition.operator().base() == BaseOperator.NULL && condition.key().equalsIgnoreCase(key)
                    && condition.values().equals(List.of("false"))) {
                return true;
            }
        }
        return false;
    }
}
