package io.github.ghaoidc.core.trust;

import java.util.List;

/**
 * How one condition fared.
 *
 * @param path JSON path of the condition key
 * @param operator the operator as written
 * @param key the condition key as written
 * @param keyPresent whether the request context has a value for the key
 * @param requestValues the request's values for the key (empty when absent)
 * @param policyValues each policy value and whether it matched
 * @param satisfied whether the condition holds
 * @param note why, in words, when the outcome is not a plain value comparison (absent key, unknown
 *     operator, unresolved variable); empty otherwise
 */
public record ConditionExplanation(String path, String operator, String key, boolean keyPresent,
        List<String> requestValues, List<PolicyValueCheck> policyValues, boolean satisfied, String note) {
    public ConditionExplanation {
        requestValues = List.copyOf(requestValues);
        policyValues = List.copyOf(policyValues);
    }
}
