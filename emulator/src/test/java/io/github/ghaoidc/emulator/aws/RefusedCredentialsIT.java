package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ghaoidc.emulator.support.Http;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Credentials AWS refuses are refused here too (issue 12, D6), and an unknown API version is InvalidAction (D8);
 * the documented convenience stays: a plain long-term {@code AKIA…} key id stands for the account root.
 */
class RefusedCredentialsIT {

    private static final String ACCOUNT = "123456789012";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(AwsEmulation.builder().accountId(ACCOUNT).build());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static StsClient sts(software.amazon.awssdk.auth.credentials.AwsCredentials credentials) {
        return StsClients.sts(server.endpoint, StaticCredentialsProvider.create(credentials));
    }

    private static HttpResponse<String> signedLooking(String credential, String body) throws Exception {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        return Http.sendWithHeaders("POST", server.endpoint.toString(), body,
                "Content-Type", "application/x-www-form-urlencoded",
                "X-Amz-Date", date,
                "Authorization", "AWS4-HMAC-SHA256 Credential=" + credential + "/" + date.substring(0, 8)
                        + "/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=00");
    }

    @Test
    void aPlainLongTermKeyIsTheAccountRoot() {
        try (StsClient sts = sts(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "any"))) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":root");
        }
    }

    @Test
    void anEmptyAccessKeyIdIsInvalidClientTokenId() throws Exception {
        HttpResponse<String> response = signedLooking("", "Action=GetCallerIdentity&Version=2011-06-15");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("<Code>InvalidClientTokenId</Code>")
                .contains("<Message>The security token included in the request is invalid.</Message>");
    }

    @Test
    void aKeyIdNotShapedLikeAnAwsKeyIsInvalidClientTokenId() {
        try (StsClient sts = sts(AwsBasicCredentials.create("admin", "admin"))) {
            StsException e = catchThrowableOfType(StsException.class, sts::getCallerIdentity);

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aLongTermKeyWithASessionTokenIsInvalidClientTokenId() {
        try (StsClient sts = sts(AwsSessionCredentials.create("AKIAIOSFODNN7EXAMPLE", "any", "made-up-session-token"))) {
            StsException e = catchThrowableOfType(StsException.class, sts::getCallerIdentity);

            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
        }
    }

    @Test
    void anUnknownStsVersionIsInvalidAction() throws Exception {
        HttpResponse<String> response = Http.sendWithHeaders("POST", server.endpoint.toString(),
                "Action=AssumeRoleWithWebIdentity&Version=2099-01-01&RoleArn=arn:aws:iam::" + ACCOUNT
                        + ":role/x&RoleSessionName=s&WebIdentityToken=abcd",
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>InvalidAction</Code>")
                .contains("<Message>Could not find operation AssumeRoleWithWebIdentity for version 2099-01-01</Message>");
    }
}
