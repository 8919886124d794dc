package io.github.ghaoidc.core.trust;

/**
 * IAM would refuse this trust policy at save time (CreateRole, UpdateAssumeRolePolicy) with the
 * error code {@code MalformedPolicyDocument}. {@link #getMessage()} is exactly AWS's message, so an
 * emulator can return it unchanged; {@link #path()} says where in the document the problem is.
 */
public final class MalformedPolicyException extends TrustPolicyException {
    private static final long serialVersionUID = 1L;

    private final String path;

    public MalformedPolicyException(String message, String path) {
        this(message, path, null);
    }

    public MalformedPolicyException(String message, String path, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The AWS error code this exception stands for. */
    public String errorCode() {
        return "MalformedPolicyDocument";
    }

    /** JSON path of the offending element, {@code $} for the document itself. */
    public String path() {
        return path;
    }
}
