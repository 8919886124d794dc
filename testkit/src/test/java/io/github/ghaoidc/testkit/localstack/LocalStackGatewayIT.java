package io.github.ghaoidc.testkit.localstack;

import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.TestRole;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Trust enforced by the sandbox, credentials issued by LocalStack and used on its S3. Needs Docker (and, for
 * current LocalStack images, LOCALSTACK_AUTH_TOKEN in the environment); skipped where Docker is absent.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackGatewayIT {

    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Federated":"arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com"},
             "Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:octo-org/app:ref:refs/heads/main"}}}]}
            """;

    @Container
    static LocalStackContainer localstack = LocalStackSandboxes.newContainer();

    @Test
    void mainGetsLocalStackCredentialsThatWorkOnS3AndPullRequestsAreRefused() {
        try (GitHubOidcSandbox sandbox = LocalStackSandboxes.gatewayTo(localstack)) {
            TestRole role = sandbox.createRole("GitHubActionsRole", POLICY);
            try (GitHubOidcCredentialsProvider credentials = sandbox.startJob(push("octo-org/app")).credentialsProvider(role);
                 S3Client s3 = sandbox.configure(S3Client.builder(), credentials).forcePathStyle(true).build()) {
                s3.createBucket(r -> r.bucket("my-prod-website-bucket"));
                s3.putObject(r -> r.bucket("my-prod-website-bucket").key("index.html"), RequestBody.fromString("<h1>hi</h1>"));
                assertThat(s3.getObjectAsBytes(r -> r.bucket("my-prod-website-bucket").key("index.html")).asUtf8String())
                        .isEqualTo("<h1>hi</h1>");
            }
            try (GitHubOidcCredentialsProvider credentials = sandbox.startJob(pullRequest("octo-org/app"))
                    .credentialsProvider(role)) {
                assertThatThrownBy(credentials::resolveCredentials).isInstanceOf(GitHubOidcException.class)
                        .hasMessageContaining("AccessDenied");
            }
        }
    }
}
