package io.github.ghaoidc.emulator.aws;

/** A declaration the emulated IAM refused, carrying AWS's error code (e.g. {@code MalformedPolicyDocument}). */
public final class AwsEmulationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public AwsEmulationException(String errorCode, String message, Throwable cause) {
        super(errorCode + ": " + message, cause);
        this.errorCode = errorCode;
    }

    /** AWS's error code. */
    public String errorCode() {
        return errorCode;
    }
}
