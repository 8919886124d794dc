package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.StsException;

/** One test per row of the AssumeRoleWithWebIdentity error table (facts sheet), over HTTP with the AWS SDK. */
class StsErrorTableIT {

    private static final String ACCOUNT = "123456789012";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";

    private static TestIssuer github;
    private static TestIssuer unreachable;
    private static AwsEmulation aws;
    private static TestServer server;
    private static StsClient sts;

    @BeforeAll
    static void start() throws Exception {
        github = new TestIssuer(TestIssuer.GITHUB, "gh-1");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        unreachable = new TestIssuer("http://127.0.0.1:" + closedPort + "/down", "down-1");
        aws = AwsEmulation.builder().accountId(ACCOUNT).allowLoopbackHttpIssuers(true)
                .inProcessKeys(url -> url.equals(TestIssuer.GITHUB) ? github.publicKeys() : null).build();
        aws.createOpenIdConnectProvider(OidcProviderDefinition.gitHubActions());
        aws.createOpenIdConnectProvider(OidcProviderDefinition.builder().url(unreachable.url)
                .addClientId("sts.amazonaws.com").build());
        aws.createRole(RoleDefinition.builder().roleName("GitHubActionsRole")
                .assumeRolePolicyDocument(Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo")).build());
        server = TestServer.start(aws);
        sts = StsClients.anonymous(server.endpoint);
    }

    @AfterAll
    static void stop() {
        sts.close();
        server.close();
    }

    private static StsException refusal(Consumer<AssumeRoleWithWebIdentityRequest.Builder> customize) {
        AssumeRoleWithWebIdentityRequest.Builder request = AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(ROLE_ARN).roleSessionName("GithubActionsSession").webIdentityToken(github.pushToMain());
        customize.accept(request);
        return catchThrowableOfType(StsException.class, () -> sts.assumeRoleWithWebIdentity(request.build()));
    }

    private static void assertError(StsException e, String code, int status, String message) {
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    @Test
    void malformedTokenIsInvalidIdentityToken() {
        StsException e = refusal(r -> r.webIdentityToken("not-a-jwt"));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Couldn't parse the web identity token");
    }

    @Test
    void badSignatureIsInvalidIdentityToken() {
        TestIssuer impostor = new TestIssuer(TestIssuer.GITHUB, "gh-1");
        StsException e = refusal(r -> r.webIdentityToken(impostor.pushToMain()));
        assertError(e, "InvalidIdentityToken", 400,
                "The token's signature could not be verified with the identity provider's key 'gh-1'");
    }

    @Test
    void unknownKidIsInvalidIdentityToken() {
        TestIssuer other = new TestIssuer(TestIssuer.GITHUB, "unknown-kid");
        StsException e = refusal(r -> r.webIdentityToken(other.pushToMain()));
        assertError(e, "InvalidIdentityToken", 400, "No key in the identity provider's JWKS matches the token's "
                + "key id 'unknown-kid' and algorithm RS256");
    }

    @Test
    void missingAudienceIsInvalidIdentityToken() {
        StsException e = refusal(r -> r.webIdentityToken(github.mint(c -> c.audience((String) null))));
        assertError(e, "InvalidIdentityToken", 400, "Missing a required claim: aud");
    }

    @Test
    void issuerWithoutProviderIsInvalidIdentityToken() {
        StsException e = refusal(r -> r.webIdentityToken(github.mint(c -> c.issuer(TestIssuer.GITHUB + "/"))));
        assertError(e, "InvalidIdentityToken", 400,
                "No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com/");
    }

    @Test
    void audienceNotInClientIdsIsIncorrectTokenAudience() {
        StsException e = refusal(r -> r.webIdentityToken(github.mint(c -> c.audience("https://github.com/octo-org"))));
        assertError(e, "InvalidIdentityToken", 400, "Incorrect token audience");
    }

    @Test
    void unreachableJwksIsCouldntRetrieveVerificationKey() {
        StsException e = refusal(r -> r.webIdentityToken(unreachable.pushToMain()));
        assertError(e, "InvalidIdentityToken", 400, "Couldn't retrieve verification key from your identity provider,"
                + "  please reference AssumeRoleWithWebIdentity documentation for requirements");
    }

    @Test
    void expiredTokenIsExpiredTokenException() {
        Instant exp = Instant.now().minusSeconds(600);
        StsException e = refusal(r -> r.webIdentityToken(github.mint(c -> c.expirationTime(Date.from(exp))
                .issueTime(Date.from(exp.minusSeconds(300))).notBeforeTime(Date.from(exp.minusSeconds(300))))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).matches("Token expired: current date/time \\d+ must be before "
                + "the expiration date/time " + exp.getEpochSecond());
    }

    @Test
    void tokenIssuedTooLongAgoIsTokenTooOld() {
        Instant iat = Instant.now().minus(Duration.ofHours(25));
        StsException e = refusal(r -> r.webIdentityToken(github.mint(c -> c.issueTime(Date.from(iat))
                .notBeforeTime(Date.from(iat)))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).matches("Token too old: \\d+");
    }

    @Test
    void otherRepositoryIsAccessDenied() {
        StsException e = refusal(r -> r.webIdentityToken(github.mint(
                github.claims("evil-org/octo-repo", "refs/heads/main").build())));
        assertError(e, "AccessDenied", 403, "Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void identityProviderUnreachableIsIdpCommunicationError() {
        aws.failNextWebIdentityCall(AwsFault.IDP_COMMUNICATION_ERROR);
        assertError(refusal(r -> { }), "IDPCommunicationError", 400, "The request could not be fulfilled because the "
                + "identity provider (IDP) that was asked to verify the incoming identity token could not be reached.");
    }

    @Test
    void identityProviderRejectingTheClaimIsIdpRejectedClaim() {
        aws.failNextWebIdentityCall(AwsFault.IDP_REJECTED_CLAIM);
        assertError(refusal(r -> { }), "IDPRejectedClaim", 403,
                "The identity provider (IdP) reported that authentication failed.");
    }

    @Test
    void disabledRegionIsRegionDisabledException() {
        aws.failNextWebIdentityCall(AwsFault.REGION_DISABLED);
        assertError(refusal(r -> { }), "RegionDisabledException", 403, "STS is not activated in this region for account. "
                + "Your account administrator can activate STS in this region using the IAM Console.");
    }

    @Test
    void sessionPolicyThatIsNotJsonIsMalformedPolicyDocument() {
        assertError(refusal(r -> r.policy("{not json")), "MalformedPolicyDocument", 400, "Syntax errors in policy.");
    }

    @Test
    void sessionPolicyArnsBeyondTheAllowanceArePackedPolicyTooLarge() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + "b".repeat(1800) + "/*\"}]}";
        StsException e = refusal(r -> r.policy(policy).policyArns(
                a -> a.arn("arn:aws:iam::aws:policy/ReadOnlyAccess"), a -> a.arn("arn:aws:iam::aws:policy/A1"),
                a -> a.arn("arn:aws:iam::aws:policy/A2"), a -> a.arn("arn:aws:iam::aws:policy/A3")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PackedPolicyTooLarge");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).matches("Packed policy consumes \\d+% of allotted space, "
                + "please use smaller policy for assume role.");
    }

    @Test
    void sessionNameOutOfPatternIsValidationError() {
        assertError(refusal(r -> r.roleSessionName("bad name!")), "ValidationError", 400,
                "1 validation error detected: Value 'bad name!' at 'roleSessionName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
    }

    @Test
    void durationOutOfRangeIsValidationError() {
        assertError(refusal(r -> r.durationSeconds(899)), "ValidationError", 400,
                "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: "
                        + "Member must have value greater than or equal to 900");
    }

    @Test
    void durationAboveTheRolesMaximumIsValidationError() {
        assertError(refusal(r -> r.durationSeconds(7200)), "ValidationError", 400,
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
}
