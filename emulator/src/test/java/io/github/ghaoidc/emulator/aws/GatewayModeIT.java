package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Gateway mode against a second emulator acting as the upstream AWS (as LocalStack would): IAM calls are relayed,
 * trust is enforced locally, and allowed web identity calls are answered by the upstream STS.
 */
class GatewayModeIT {

    private static final String ACCOUNT = "123456789012";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";

    private static TestIssuer github;
    private static AwsEmulation upstream;
    private static AwsEmulation gateway;
    private static TestServer upstreamServer;
    private static TestServer gatewayServer;
    private static StsClient sts;

    @BeforeAll
    static void start() {
        github = new TestIssuer(TestIssuer.GITHUB, "gh-1");
        upstream = AwsEmulation.builder().accountId(ACCOUNT)
                .inProcessKeys(url -> url.equals(TestIssuer.GITHUB) ? github.publicKeys() : null).build();
        upstreamServer = TestServer.start(upstream);
        gateway = AwsEmulation.builder().accountId(ACCOUNT).upstream(upstreamServer.endpoint)
                .upstreamCredentials(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "u")))
                .inProcessKeys(url -> url.equals(TestIssuer.GITHUB) ? github.publicKeys() : null).build();
        gatewayServer = TestServer.start(gateway);
        try (IamClient iam = StsClients.iam(gatewayServer.endpoint)) {
            iam.createOpenIDConnectProvider(r -> r.url(TestIssuer.GITHUB).clientIDList("sts.amazonaws.com"));
            iam.createRole(r -> r.roleName("GitHubActionsRole")
                    .assumeRolePolicyDocument(Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo")));
        }
        sts = StsClients.anonymous(gatewayServer.endpoint);
    }

    @AfterAll
    static void stop() {
        sts.close();
        gatewayServer.close();
        upstreamServer.close();
        gateway.close();
    }

    @Test
    void iamCallsThroughTheGatewayLandInTheUpstreamIam() {
        try (IamClient direct = StsClients.iam(upstreamServer.endpoint)) {
            assertThat(direct.getRole(r -> r.roleName("GitHubActionsRole")).role().arn()).isEqualTo(ROLE_ARN);
        }
    }

    @Test
    void allowedCallIsAnsweredByTheUpstreamWhoseCredentialsWorkThroughTheGateway() {
        int upstreamSessionsBefore = upstream.issuedSessionCount();
        Credentials credentials = sts.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE_ARN)
                .roleSessionName("GithubActionsSession").webIdentityToken(github.pushToMain())).credentials();

        assertThat(upstream.issuedSessionCount()).isEqualTo(upstreamSessionsBefore + 1);
        assertThat(gateway.issuedSessionCount()).isZero();
        try (StsClient viaGateway = StsClients.withSession(gatewayServer.endpoint, credentials)) {
            assertThat(viaGateway.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/GitHubActionsRole/GithubActionsSession");
        }
    }

    @Test
    void deniedCallIsRefusedLocallyAndNeverReachesTheUpstream() {
        int upstreamDecisionsBefore = upstream.decisions().size();
        String token = github.mint(github.claims("octo-org/other-repo", "refs/heads/main").build());
        StsException e = catchThrowableOfType(StsException.class, () -> sts.assumeRoleWithWebIdentity(
                r -> r.roleArn(ROLE_ARN).roleSessionName("GithubActionsSession").webIdentityToken(token)));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(gateway.decisions().get(0).allowed()).isFalse();
        assertThat(upstream.decisions()).hasSize(upstreamDecisionsBefore);
    }
}
