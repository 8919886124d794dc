package io.github.ghaoidc.core.trust;

/**
 * Base of every error the trust-policy engine raises: unchecked, with a message that names where the
 * problem is and why. Catch this type to handle any trust-engine failure.
 */
public class TrustPolicyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrustPolicyException(String message) {
        super(message);
    }

    public TrustPolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
