package io.github.ghaoidc.emulator.aws.internal.query;

/**
 * An AWS Query protocol error: the code, HTTP status, fault type and message AWS would send.
 * Thrown inside action handlers and turned into an {@code ErrorResponse} document by the handler.
 */
public final class AwsServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int httpStatus;
    private final boolean senderFault;

    public AwsServiceException(String code, int httpStatus, String message) {
        this(code, httpStatus, message, true, null);
    }

    public AwsServiceException(String code, int httpStatus, String message, boolean senderFault, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
        this.senderFault = senderFault;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** {@code Sender} for client faults, {@code Receiver} for server faults. */
    public String faultType() {
        return senderFault ? "Sender" : "Receiver";
    }

    public static AwsServiceException validation(String message) {
        return new AwsServiceException("ValidationError", 400, message);
    }

    public static AwsServiceException accessDenied(String message) {
        return new AwsServiceException("AccessDenied", 403, message);
    }

    public static AwsServiceException invalidIdentityToken(String message) {
        return new AwsServiceException("InvalidIdentityToken", 400, message);
    }

    public static AwsServiceException noSuchEntity(String message) {
        return new AwsServiceException("NoSuchEntity", 404, message);
    }

    public static AwsServiceException malformedPolicy(String message) {
        return new AwsServiceException("MalformedPolicyDocument", 400, message);
    }

    public static AwsServiceException invalidInput(String message) {
        return new AwsServiceException("InvalidInput", 400, message);
    }

    @Override
    public String toString() {
        return "AwsServiceException[code=" + code + ", status=" + httpStatus + ", message=" + getMessage() + "]";
    }
}
