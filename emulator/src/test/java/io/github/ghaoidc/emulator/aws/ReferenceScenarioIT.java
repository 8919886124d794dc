package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** The reference scenario end to end over HTTP with the AWS SDK for Java v2, set up through IAM calls. */
class ReferenceScenarioIT {

    private static final String ACCOUNT = "123456789100";

    private static TestIssuer github;
    private static AwsEmulation aws;
    private static TestServer server;
    private static StsClient sts;
    private static String roleArn;

    @BeforeAll
    static void start() {
        github = new TestIssuer(TestIssuer.GITHUB, "gh-1");
        aws = AwsEmulation.builder().accountId(ACCOUNT)
                .inProcessKeys(url -> url.equals(TestIssuer.GITHUB) ? github.publicKeys() : null).build();
        server = TestServer.start(aws);
        try (IamClient iam = StsClients.iam(server.endpoint)) {
            iam.createOpenIDConnectProvider(r -> r.url(TestIssuer.GITHUB).clientIDList("sts.amazonaws.com")
                    .thumbprintList("a031c46782e6e6c662c2c87c76da9aa62ccabd8e"));
            roleArn = iam.createRole(r -> r.roleName("GitHubActionsRole")
                    .assumeRolePolicyDocument(Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo"))).role().arn();
        }
        sts = StsClients.anonymous(server.endpoint);
    }

    @AfterAll
    static void stop() {
        sts.close();
        server.close();
    }

    @Test
    void pushToMainOfTheRepositoryGetsCredentialsThatIdentifyTheAssumedRole() {
        AssumeRoleWithWebIdentityResponse assumed = sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn)
                .roleSessionName("GithubActionsSession").webIdentityToken(github.pushToMain()));

        assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(assumed.subjectFromWebIdentityToken()).isEqualTo("repo:octo-org/octo-repo:ref:refs/heads/main");
        assertThat(assumed.provider()).isEqualTo("token.actions.githubusercontent.com");
        assertThat(assumed.audience()).isEqualTo("sts.amazonaws.com");
        assertThat(assumed.assumedRoleUser().assumedRoleId()).matches("AROA[A-Z2-7]{17}:GithubActionsSession");
        try (StsClient signed = StsClients.withSession(server.endpoint, assumed.credentials())) {
            GetCallerIdentityResponse identity = signed.getCallerIdentity();
            assertThat(identity.arn())
                    .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/GitHubActionsRole/GithubActionsSession");
            assertThat(identity.account()).isEqualTo(ACCOUNT);
            assertThat(identity.userId()).isEqualTo(assumed.assumedRoleUser().assumedRoleId());
        }
    }

    @Test
    void anotherRepositoryIsDeniedAndTheDecisionIsExplained() {
        String token = github.mint(github.claims("octo-org/other-repo", "refs/heads/main").build());
        StsException e = catchThrowableOfType(StsException.class, () -> sts.assumeRoleWithWebIdentity(
                r -> r.roleArn(roleArn).roleSessionName("GithubActionsSession").webIdentityToken(token)));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Not authorized to perform sts:AssumeRoleWithWebIdentity");
        assertThat(aws.decisions()).anySatisfy(d -> {
            assertThat(d.allowed()).isFalse();
            assertThat(d.principal()).contains("repo:octo-org/other-repo:ref:refs/heads/main");
            assertThat(d.explanation()).isNotBlank();
        });
    }

    @Test
    void tokenForAnotherAudienceIsIncorrectTokenAudience() {
        String token = github.mint(c -> c.audience("https://github.com/octo-org"));
        StsException e = catchThrowableOfType(StsException.class, () -> sts.assumeRoleWithWebIdentity(
                r -> r.roleArn(roleArn).roleSessionName("GithubActionsSession").webIdentityToken(token)));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Incorrect token audience");
    }
}
