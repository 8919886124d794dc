package io.github.ghaoidc.emulator.aws.internal.sigv4;

import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import io.github.ghaoidc.emulator.aws.internal.query.QueryRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Verifies a SigV4 signature by signing the same request again with the AWS SDK's own signer and the secret the
 * emulator knows, then comparing signatures in constant time. Thread-safe.
 */
public final class SigV4Verifier {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for "
            + "details.";

    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Clock clock;

    public SigV4Verifier(Clock clock) {
        this.clock = clock;
    }

    /** Throws {@code SignatureDoesNotMatch} (403) unless {@code request} was signed with this secret. */
    public void verify(QueryRequest request, AuthorizationHeader auth, String secretAccessKey, String sessionToken) {
        String amzDate = request.header("X-Amz-Date");
        if (amzDate == null) {
            throw new AwsServiceException("IncompleteSignature", 400,
                    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        LocalDateTime signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE);
        } catch (DateTimeParseException e) {
            throw new AwsServiceException("IncompleteSignature", 400,
                    "X-Amz-Date must be in the ISO-8601 basic format yyyyMMdd'T'HHmmss'Z', got: " + amzDate);
        }
        checkSigningTime(signedAt.toInstant(ZoneOffset.UTC), amzDate);
        SdkHttpRequest unsigned = rebuild(request, auth.signedHeaders());
        Clock signingClock = Clock.fixed(signedAt.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        String expected = auth.signedHeaders().contains("x-amz-content-sha256")
                ? signWithHttpSigner(unsigned, request.body(), auth, secretAccessKey, sessionToken, signingClock)
                : LegacySigner.sign(unsigned, request.body(), auth, secretAccessKey, sessionToken, signingClock);
        String expectedSignature = expected.substring(expected.lastIndexOf('=') + 1);
        if (!MessageDigest.isEqual(expectedSignature.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new AwsServiceException("SignatureDoesNotMatch", 403, MISMATCH);
        }
    }

    /** AWS refuses signatures more than 15 minutes away from its clock, with these messages. */
    private void checkSigningTime(Instant signedAt, String amzDate) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw new AwsServiceException("SignatureDoesNotMatch", 403, "Signature expired: " + amzDate
                    + " is now earlier than " + format(now.minus(MAX_SKEW)) + " (" + format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new AwsServiceException("SignatureDoesNotMatch", 403, "Signature not yet current: " + amzDate
                    + " is still later than " + format(now.plus(MAX_SKEW)) + " (" + format(now) + " + 15 min.)");
        }
    }

    private static String format(Instant instant) {
        return AMZ_DATE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** The SDK's current signer; it always signs {@code x-amz-content-sha256}, as SDK v2 clients send it. */
    private String signWithHttpSigner(SdkHttpRequest unsigned, byte[] body, AuthorizationHeader auth, String secret,
            String sessionToken, Clock signingClock) {
        AwsSessionCredentialsIdentity identity =
                AwsSessionCredentialsIdentity.create(auth.accessKeyId(), secret, sessionToken);
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, auth.service())
                .putProperty(AwsV4HttpSigner.REGION_NAME, auth.region())
                .putProperty(HttpSigner.SIGNING_CLOCK, signingClock));
        return signed.request().firstMatchingHeader("Authorization").orElse("");
    }

    private static SdkHttpRequest rebuild(QueryRequest request, List<String> signedHeaders) {
        String forwardedHost = request.header("X-Forwarded-Host");
        String host = forwardedHost != null ? forwardedHost : request.header("Host");
        if (host == null) {
            throw new AwsServiceException("IncompleteSignature", 400, "The Host header is required in a signed request");
        }
        SdkHttpRequest.Builder builder = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method()))
                .protocol("http")
                .encodedPath(request.path());
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            builder.host(host.substring(0, colon)).port(Integer.parseInt(host.substring(colon + 1)));
        } else {
            builder.host(host);
        }
        if (!request.rawQuery().isEmpty()) {
            for (String pair : request.rawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                builder.appendRawQueryParameter(name, value);
            }
        }
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name);
            if (values != null) {
                builder.putHeader(name, values);
            }
        }
        if (forwardedHost != null) {
            builder.putHeader("Host", forwardedHost);
        }
        return builder.build();
    }
}
