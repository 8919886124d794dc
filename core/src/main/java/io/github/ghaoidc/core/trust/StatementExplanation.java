package io.github.ghaoidc.core.trust;

import java.util.List;

/**
 * How one statement fared: it matches when principal, action and every condition match.
 *
 * @param index position in the policy
 * @param sid the Sid, or {@code null}
 * @param effect Allow or Deny
 * @param path JSON path of the statement
 * @param principalMatched whether Principal covers (or NotPrincipal excludes not) the caller
 * @param principalNote who the caller is and what the statement names
 * @param actionMatched whether Action/NotAction covers the action
 * @param conditions each condition, in document order
 */
public record StatementExplanation(int index, String sid, Effect effect, String path, boolean principalMatched,
        String principalNote, boolean actionMatched, List<ConditionExplanation> conditions) {
    public StatementExplanation {
        conditions = List.copyOf(conditions);
    }

    /** Whether every condition holds. */
    public boolean conditionsSatisfied() {
        return conditions.stream().allMatch(ConditionExplanation::satisfied);
    }

    /** Whether the statement applies to the request. */
    public boolean matched() {
        return principalMatched && actionMatched && conditionsSatisfied();
    }
}
