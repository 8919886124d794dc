package io.github.ghaoidc.core.internal;

import java.io.IOException;

import io.github.ghaoidc.core.GitHubOidcException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Classifies STS failures (facts: aws-sts-iam.md): retry IDPCommunicationError, throttling, 5xx, network
 * faults and the "Couldn't retrieve verification key" InvalidIdentityToken; ExpiredTokenException gets one
 * retry with a new token (handled by the caller); everything else fails fast.
 */
public final class StsErrors {

    public static final String EXPIRED_TOKEN = "ExpiredTokenException";
    private static final String VERIFICATION_KEY = "Couldn't retrieve verification key";

    private StsErrors() {
    }

    /** The wire error code of an STS service error, or {@code null} for client-side failures. */
    public static String code(Throwable failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode();
        }
        if (failure instanceof GitHubOidcException domain) {
            return domain.errorCode();
        }
        return null;
    }

    /** The service's own error message, without the SDK's request-id suffix. */
    public static String message(Throwable failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorMessage() != null) {
            return service.awsErrorDetails().errorMessage();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    public static boolean isExpiredToken(Throwable failure) {
        return EXPIRED_TOKEN.equals(code(failure));
    }

    /** Throttling answers, which back off longer. */
    public static boolean isThrottling(Throwable failure) {
        String code = code(failure);
        return "Throttling".equals(code) || "ThrottlingException".equals(code) || "RequestLimitExceeded".equals(code)
                || failure instanceof AwsServiceException service && service.statusCode() == 429;
    }

    /** Whether another attempt may succeed. */
    public static boolean isRetryable(Throwable failure) {
        if (failure instanceof AwsServiceException service) {
            String code = code(service);
            int status = service.statusCode();
            return "IDPCommunicationError".equals(code)
                    || "Throttling".equals(code) || "ThrottlingException".equals(code)
                    || "RequestLimitExceeded".equals(code) || status == 429 || status >= 500
                    || ("InvalidIdentityToken".equals(code) && String.valueOf(message(service)).contains(VERIFICATION_KEY));
        }
        if (failure instanceof SdkClientException) {
            return isNetworkFault(failure);
        }
        return false;
    }

    /** I/O failures and timeouts somewhere in the cause chain. */
    public static boolean isNetworkFault(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException
                    || t instanceof software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException
                    || t instanceof software.amazon.awssdk.core.exception.ApiCallTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
