package io.github.ghaoidc.testkit;

import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.GitHubOidcException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The reference scenario's S3 step through a gateway sandbox in front of an AWS emulator container (LocalStack or
 * Floci): a push to main gets the container's credentials and puts the site on its S3; a pull request is refused
 * by the sandbox's trust enforcement. One scenario for both containers.
 */
public final class GatewayScenario {

    static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Federated":"arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com"},
             "Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com",
               "token.actions.githubusercontent.com:sub":"repo:octo-org/app:ref:refs/heads/main"}}}]}
            """;

    private GatewayScenario() {
    }

    public static void mainUploadsToS3AndPullRequestsAreRefused(GitHubOidcSandbox sandbox) {
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
