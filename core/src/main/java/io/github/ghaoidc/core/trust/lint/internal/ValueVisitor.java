package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.lint.LintContext;

/** Walks the values of one GitHub claim under the pinning operators of every GitHub Allow. */
@FunctionalInterface
interface ValueVisitor {

    void visit(PolicyStatement statement, PolicyCondition condition, int index, String value);

    static void pinnedValues(LintContext context, String claim, ValueVisitor visitor) {
        for (PolicyStatement statement : context.policy().statements()) {
            if (!GitHubTerms.isGitHubAllow(statement)) {
                continue;
            }
            for (PolicyCondition condition : statement.conditions()) {
                if (GitHubTerms.isOn(condition, claim) && GitHubTerms.isPinningOperator(condition.operator())) {
                    for (int i = 0; i < condition.values().size(); i++) {
                        visitor.visit(statement, condition, i, condition.values().get(i));
                    }
                }
            }
        }
    }
}
