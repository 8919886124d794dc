package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ghaoidc.emulator.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** SigV4-signed calls with issued credentials: verified by re-signing; role chaining with AssumeRole. */
class SignedCallsIT {

    private static final String ACCOUNT = "123456789012";

    private static final SettableClock CLOCK = new SettableClock(Instant.now());
    private static TestIssuer github;
    private static AwsEmulation aws;
    private static TestServer server;
    private static StsClient anonymous;

    @BeforeAll
    static void start() {
        github = new TestIssuer(TestIssuer.GITHUB, "gh-1");
        aws = AwsEmulation.builder().accountId(ACCOUNT).clock(CLOCK)
                .inProcessKeys(url -> url.equals(TestIssuer.GITHUB) ? github.publicKeys() : null).build();
        aws.createOpenIdConnectProvider(OidcProviderDefinition.gitHubActions());
        aws.createRole(RoleDefinition.builder().roleName("GitHubActionsRole")
                .assumeRolePolicyDocument(Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo")).build());
        aws.createRole(RoleDefinition.builder().roleName("DeployRole").maxSessionDuration(43200)
                .assumeRolePolicyDocument(Policies.roleSessions(ACCOUNT, "GitHubActionsRole")).build());
        aws.createRole(RoleDefinition.builder().roleName("UnrelatedRole")
                .assumeRolePolicyDocument(Policies.roleSessions(ACCOUNT, "SomeOtherRole")).build());
        server = TestServer.start(aws);
        anonymous = StsClients.anonymous(server.endpoint);
    }

    @AfterAll
    static void stop() {
        anonymous.close();
        server.close();
    }

    private static Credentials assumeWebIdentity() {
        return anonymous.assumeRoleWithWebIdentity(r -> r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole")
                .roleSessionName("GithubActionsSession").webIdentityToken(github.pushToMain())).credentials();
    }

    private static StsException callerIdentityFailure(StsClient client) {
        StsException e = catchThrowableOfType(StsException.class, client::getCallerIdentity);
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void wrongSecretIsSignatureDoesNotMatch() {
        Credentials issued = assumeWebIdentity();
        try (StsClient client = StsClients.sts(server.endpoint, StaticCredentialsProvider.create(
                AwsSessionCredentials.create(issued.accessKeyId(), "wrong" + issued.secretAccessKey().substring(5),
                        issued.sessionToken())))) {
            StsException e = callerIdentityFailure(client);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                    "The request signature we calculated does not match the signature you provided.");
        }
    }

    @Test
    void unknownTemporaryKeyIsInvalidClientTokenId() {
        try (StsClient client = StsClients.sts(server.endpoint, StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIAAAAAAAAAAAAAAAAA", "secret", "token")))) {
            StsException e = callerIdentityFailure(client);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                    "The security token included in the request is invalid.");
        }
    }

    @Test
    void expiredSessionIsExpiredToken() {
        SettableClock clock = new SettableClock(Instant.now());
        AwsEmulation local = aws.toBuilder().clock(clock).build();
        local.createOpenIdConnectProvider(OidcProviderDefinition.gitHubActions());
        local.createRole(RoleDefinition.builder().roleName("GitHubActionsRole")
                .assumeRolePolicyDocument(Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo")).build());
        try (TestServer localServer = TestServer.start(local);
                StsClient localAnonymous = StsClients.anonymous(localServer.endpoint)) {
            Credentials issued = localAnonymous.assumeRoleWithWebIdentity(r -> r.roleArn(
                    "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole").roleSessionName("s1").durationSeconds(900)
                    .webIdentityToken(github.pushToMain())).credentials();
            clock.advance(Duration.ofSeconds(901));
            try (StsClient client = StsClients.withSession(localServer.endpoint, issued)) {
                StsException e = callerIdentityFailure(client);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The security token included in the request is expired");
            }
        }
    }

    @Test
    void requestSignedMoreThan15MinutesAgoIsSignatureExpired() {
        SettableClock clock = new SettableClock(Instant.now());
        AwsEmulation local = aws.toBuilder().clock(clock).build();
        local.createOpenIdConnectProvider(OidcProviderDefinition.gitHubActions());
        local.createRole(RoleDefinition.builder().roleName("GitHubActionsRole")
                .assumeRolePolicyDocument(Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo")).build());
        try (TestServer localServer = TestServer.start(local);
                StsClient localAnonymous = StsClients.anonymous(localServer.endpoint)) {
            Credentials issued = localAnonymous.assumeRoleWithWebIdentity(r -> r.roleArn(
                    "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole").roleSessionName("s1")
                    .webIdentityToken(github.pushToMain())).credentials();
            clock.advance(Duration.ofMinutes(20));
            try (StsClient client = StsClients.withSession(localServer.endpoint, issued)) {
                StsException e = callerIdentityFailure(client);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorMessage()).matches("Signature expired: \\d{8}T\\d{6}Z is now "
                        + "earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 15 min\\.\\)");
            }
        }
    }

    @Test
    void assumedRoleSessionChainsIntoARoleThatTrustsIt() {
        try (StsClient first = StsClients.withSession(server.endpoint, assumeWebIdentity())) {
            AssumeRoleResponse chained = first.assumeRole(r -> r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/DeployRole")
                    .roleSessionName("deploy"));
            assertThat(chained.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/DeployRole/deploy");
            try (StsClient second = StsClients.withSession(server.endpoint, chained.credentials())) {
                assertThat(second.getCallerIdentity().arn()).isEqualTo(chained.assumedRoleUser().arn());
            }
        }
    }

    @Test
    void chainedSessionLongerThanOneHourIsValidationError() {
        try (StsClient first = StsClients.withSession(server.endpoint, assumeWebIdentity())) {
            StsException e = catchThrowableOfType(StsException.class, () -> first.assumeRole(r -> r.roleArn(
                    "arn:aws:iam::" + ACCOUNT + ":role/DeployRole").roleSessionName("deploy").durationSeconds(7200)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The requested DurationSeconds exceeds the 1 hour "
                    + "session limit for roles assumed by role chaining.");
        }
    }

    @Test
    void chainingIntoARoleThatDoesNotTrustTheSessionIsAccessDenied() {
        try (StsClient first = StsClients.withSession(server.endpoint, assumeWebIdentity())) {
            StsException e = catchThrowableOfType(StsException.class, () -> first.assumeRole(r -> r.roleArn(
                    "arn:aws:iam::" + ACCOUNT + ":role/UnrelatedRole").roleSessionName("deploy")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::" + ACCOUNT
                    + ":assumed-role/GitHubActionsRole/GithubActionsSession is not authorized to perform: "
                    + "sts:AssumeRole on resource: arn:aws:iam::" + ACCOUNT + ":role/UnrelatedRole");
        }
    }

    @Test
    void iamCallSignedWithIssuedCredentialsIsRoutedByItsScopeAndVerified() {
        Credentials issued = assumeWebIdentity();
        try (IamClient iam = IamClient.builder().endpointOverride(server.endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken())))
                .build()) {
            assertThat(iam.getRole(r -> r.roleName("DeployRole")).role().arn())
                    .isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/DeployRole");
        }
        try (IamClient forged = IamClient.builder().endpointOverride(server.endpoint).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        issued.accessKeyId(), wrongSecret(issued.secretAccessKey()), issued.sessionToken())))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            IamException e = catchThrowableOfType(IamException.class, () -> forged.getRole(r -> r.roleName("DeployRole")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void unsignedGetCallerIdentityIsMissingAuthenticationToken() {
        StsException e = callerIdentityFailure(anonymous);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationToken");
        assertThat(e.statusCode()).isEqualTo(403);
    }

    /** The secret with its first character changed (a fixed "x" prefix equals the secret in 1 run of 64). */
    private static String wrongSecret(String secret) {
        return (secret.charAt(0) == 'x' ? "y" : "x") + secret.substring(1);
    }
}
