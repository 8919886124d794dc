package io.github.ghaoidc.core.trust;

/**
 * How one policy value of a condition fared against the request.
 *
 * @param value the value as written in the policy
 * @param resolved the value after policy-variable substitution ({@code null} when a variable had no value)
 * @param matched whether it matched some request value (in the operator's positive sense: for
 *     {@code StringNotEquals} "matched" means equal, which makes the condition fail)
 */
public record PolicyValueCheck(String value, String resolved, boolean matched) {
}
