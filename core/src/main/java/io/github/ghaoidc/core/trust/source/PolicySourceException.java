package io.github.ghaoidc.core.trust.source;

import io.github.ghaoidc.core.trust.TrustPolicyException;

/**
 * A trust policy could not be read from its source (plain JSON, a CloudFormation template or a
 * Terraform plan). The message says what was wrong, where, and what is allowed; it never contains
 * the document's secrets because policy sources hold none.
 */
public final class PolicySourceException extends TrustPolicyException {

    private static final long serialVersionUID = 1L;

    public PolicySourceException(String message) {
        super(message);
    }

    public PolicySourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
