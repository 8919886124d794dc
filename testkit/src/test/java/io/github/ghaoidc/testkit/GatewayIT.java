package io.github.ghaoidc.testkit;

import static io.github.ghaoidc.testkit.TrustAssertions.assertThatRole;
import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.GitHubOidcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Gateway mode against the emulator's own IAM/STS as the upstream: the same provisioning and forwarding code
 * that fronts LocalStack (see LocalStackGatewayIT), run here without Docker.
 */
class GatewayIT {

    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Federated":"arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com"},
             "Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
               "token.actions.githubusercontent.com:sub":"repo:octo-org/app:ref:refs/heads/main"}}}]}
            """;

    private static GitHubOidcSandbox upstream;
    private static GitHubOidcSandbox gateway;

    @BeforeAll
    static void start() {
        // the upstream plays LocalStack: an account of its own, no provider until the gateway provisions one
        upstream = GitHubOidcSandbox.builder().accountId("000000000000").gitHubProvider(false).build();
        // another emulator as the upstream takes the account's AKIA… keys, not LocalStack's test/test
        gateway = GitHubOidcSandbox.builder().accountId("000000000000").upstream(upstream.stsEndpoint())
                .upstreamCredentials(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "upstream")))
                .signingKeys(upstream.emulator().keys()).build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
        upstream.close();
    }

    @Test
    void providerAndRoleAreProvisionedInTheUpstreamsIam() {
        gateway.createRole("GatewayRole", POLICY);
        assertThat(upstream.iamClient().listOpenIDConnectProviders().openIDConnectProviderList())
                .extracting(p -> p.arn())
                .containsExactly("arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com");
        assertThat(upstream.iamClient().getRole(r -> r.roleName("GatewayRole")).role().arn())
                .isEqualTo("arn:aws:iam::000000000000:role/GatewayRole");
    }

    @Test
    void allowedJobGetsCredentialsIssuedByTheUpstream() {
        TestRole role = gateway.createRole("GatewayRole", POLICY);
        SimulatedJob job = gateway.startJob(push("octo-org/app").toBranch("main"));
        assertThat(job.environment()).containsEntry("AWS_ENDPOINT_URL", upstream.stsEndpoint().toString())
                .containsEntry("AWS_ENDPOINT_URL_STS", gateway.stsEndpoint().toString());
        int issuedBefore = upstream.aws().issuedSessionCount();
        try (GitHubOidcCredentialsProvider credentials = job.credentialsProvider(role);
             StsClient upstreamSts = upstream.configure(StsClient.builder(), credentials).build()) {
            // the upstream recognises the session keys: it issued them
            assertThat(upstreamSts.getCallerIdentity().arn())
                    .startsWith("arn:aws:sts::000000000000:assumed-role/GatewayRole/");
        }
        assertThat(upstream.aws().issuedSessionCount()).isEqualTo(issuedBefore + 1);
        assertThat(gateway.aws().issuedSessionCount()).isZero();
    }

    @Test
    void trustIsEnforcedAtTheGatewayWhoseDecisionLogExplainsIt() {
        TestRole role = gateway.createRole("GatewayRole", POLICY);
        try (GitHubOidcCredentialsProvider credentials = gateway.startJob(pullRequest("octo-org/app"))
                .credentialsProvider(role)) {
            assertThatThrownBy(credentials::resolveCredentials).isInstanceOf(GitHubOidcException.class)
                    .hasMessageContaining("AccessDenied");
        }
        assertThat(gateway.aws().decisions().get(0).explanation()).contains("repo:octo-org/app:pull_request");
    }

    @Test
    void endToEndAssertionsWorkThroughTheGateway() {
        TestRole role = gateway.createRole("GatewayRole", POLICY);
        assertThatRole(role).endToEnd()
                .allows(push("octo-org/app").toBranch("main"))
                .denies(pullRequest("octo-org/app"), push("octo-org/app").toBranch("dev"));
    }
}
