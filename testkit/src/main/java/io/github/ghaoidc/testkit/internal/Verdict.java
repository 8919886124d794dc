package io.github.ghaoidc.testkit.internal;

import io.github.ghaoidc.core.trust.Explanation;
import java.util.Map;

/**
 * Whether one workflow run could assume a role, and why.
 *
 * @param allowed     whether the role could be assumed
 * @param outcome     short words: {@code ALLOW}, {@code IMPLICIT_DENY}, {@code AccessDenied}, …
 * @param claims      the token's claims
 * @param explanation the trust engine's explanation, or {@code null} when the policy was never evaluated
 * @param detail      what the STS said (end-to-end mode), or {@code ""}
 */
public record Verdict(boolean allowed, String outcome, Map<String, Object> claims, Explanation explanation,
                      String detail) {
}
