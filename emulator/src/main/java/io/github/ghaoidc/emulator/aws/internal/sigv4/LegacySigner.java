package io.github.ghaoidc.emulator.aws.internal.sigv4;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import java.time.Clock;

/**
 * The SDK's classic SigV4 signer, for clients (botocore, the AWS CLI, most other SDKs) that do not sign
 * {@code x-amz-content-sha256}: {@code AwsV4HttpSigner} always adds that header, so it cannot reproduce their
 * canonical request. Still the SDK's own signing code, not a hand-written one.
 */
@SuppressWarnings("deprecation")
final class LegacySigner {

    private static final Aws4Signer SIGNER = Aws4Signer.create();

    private LegacySigner() {
    }

    static String sign(SdkHttpRequest unsigned, byte[] body, AuthorizationHeader auth, String secret,
            String sessionToken, Clock signingClock) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(unsigned.method())
                .protocol(unsigned.protocol())
                .host(unsigned.host())
                .port(unsigned.port())
                .encodedPath(unsigned.encodedPath())
                .rawQueryParameters(unsigned.rawQueryParameters())
                .headers(unsigned.headers())
                .contentStreamProvider(() -> new java.io.ByteArrayInputStream(body))
                .build();
        Aws4SignerParams params = Aws4SignerParams.builder()
                .awsCredentials(AwsSessionCredentials.create(auth.accessKeyId(), secret, sessionToken))
                .signingName(auth.service())
                .signingRegion(Region.of(auth.region()))
                .signingClockOverride(signingClock)
                .build();
        return SIGNER.sign(request, params).firstMatchingHeader("Authorization").orElse("");
    }
}
