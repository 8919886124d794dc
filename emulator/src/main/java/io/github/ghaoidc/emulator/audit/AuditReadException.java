package io.github.ghaoidc.emulator.audit;

/** IAM could not be read for an audit: the message names the endpoint, the call and AWS's error. */
public final class AuditReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AuditReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
