package io.github.ghaoidc.core.internal;

import static io.github.ghaoidc.core.testing.FakeSts.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class StsErrorsTest {

    @ParameterizedTest(name = "{0} ({1}) retryable={3}")
    @CsvSource(delimiter = '|', value = {
            "IDPCommunicationError|400|IdP unreachable|true",
            "Throttling|400|Rate exceeded|true",
            "InternalFailure|500|boom|true",
            "ServiceUnavailable|503|busy|true",
            "InvalidIdentityToken|400|Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements|true",
            "InvalidIdentityToken|400|Incorrect token audience|false",
            "InvalidIdentityToken|400|No OpenIDConnect provider found in your account for https://x|false",
            "AccessDenied|403|Not authorized to perform sts:AssumeRoleWithWebIdentity|false",
            "ValidationError|400|1 validation error detected|false",
            "MalformedPolicyDocument|400|bad|false",
            "PackedPolicyTooLarge|400|big|false",
            "RegionDisabledException|403|off|false",
            "IDPRejectedClaim|403|no|false",
            "ExpiredTokenException|400|Token expired|false"})
    void retriesOnlyTheClassesTheFactsSheetNames(String code, int status, String message, boolean retryable) {
        assertThat(StsErrors.isRetryable(error(code, status, message))).isEqualTo(retryable);
    }

    @Test
    void retriesNetworkFaultsAndAttemptTimeouts() {
        assertThat(StsErrors.isRetryable(SdkClientException.create("x", new IOException("reset")))).isTrue();
        assertThat(StsErrors.isRetryable(ApiCallAttemptTimeoutException.create(100))).isTrue();
        assertThat(StsErrors.isRetryable(SdkClientException.create("bad config"))).isFalse();
    }

    @Test
    void recognisesExpiredTokenForTheOneExtraTry() {
        assertThat(StsErrors.isExpiredToken(error("ExpiredTokenException", 400, "Token expired"))).isTrue();
        assertThat(StsErrors.isExpiredToken(error("AccessDenied", 403, "no"))).isFalse();
    }
}
