package io.github.ghaoidc.emulator.aws;

/**
 * Faults the emulator cannot produce for real but clients must handle; enqueue them with
 * {@link AwsEmulation#failNextWebIdentityCall(AwsFault)}. Each answers one AssumeRoleWithWebIdentity call.
 */
public enum AwsFault {
    /** {@code IDPCommunicationError}, HTTP 400: the identity provider could not be reached (transient). */
    IDP_COMMUNICATION_ERROR("IDPCommunicationError", 400, "The request could not be fulfilled because the identity "
            + "provider (IDP) that was asked to verify the incoming identity token could not be reached."),
    /** {@code IDPRejectedClaim}, HTTP 403: the identity provider rejected the claim. */
    IDP_REJECTED_CLAIM("IDPRejectedClaim", 403, "The identity provider (IdP) reported that authentication failed."),
    /** {@code RegionDisabledException}, HTTP 403: STS is not activated in the region. */
    REGION_DISABLED("RegionDisabledException", 403, "STS is not activated in this region for account. Your account "
            + "administrator can activate STS in this region using the IAM Console."),
    /** {@code Throttling}, HTTP 429: rate exceeded. */
    THROTTLING("Throttling", 429, "Rate exceeded");

    private final String code;
    private final int httpStatus;
    private final String message;

    AwsFault(String code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    /** The AWS error code. */
    public String code() {
        return code;
    }

    /** The HTTP status. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The message AWS sends. */
    public String message() {
        return message;
    }
}
