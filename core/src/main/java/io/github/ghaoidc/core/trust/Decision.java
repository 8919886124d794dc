package io.github.ghaoidc.core.trust;

/**
 * Outcome of evaluating a trust policy. AWS answers both denials with the same AccessDenied; the
 * engine tells them apart so a user learns whether a Deny fired or no Allow matched.
 */
public enum Decision {
    /** Some Allow statement matched and no Deny statement did. */
    ALLOW,
    /** A Deny statement matched (it wins over any Allow). */
    EXPLICIT_DENY,
    /** No statement matched. */
    IMPLICIT_DENY;

    /** Whether the request would be granted. */
    public boolean isAllowed() {
        return this == ALLOW;
    }
}
