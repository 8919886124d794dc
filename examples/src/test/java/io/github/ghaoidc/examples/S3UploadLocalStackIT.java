package io.github.ghaoidc.examples;

import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.SimulatedJob;
import io.github.ghaoidc.testkit.TestRole;
import io.github.ghaoidc.testkit.localstack.LocalStackSandboxes;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole app against LocalStack's S3, with trust enforced by the sandbox in gateway mode. Needs Docker and,
 * for current LocalStack images, LOCALSTACK_AUTH_TOKEN; skipped where Docker is absent.
 */
@Testcontainers(disabledWithoutDocker = true)
class S3UploadLocalStackIT {

    @Container
    static LocalStackContainer localstack = LocalStackSandboxes.newContainer();

    @Test
    void uploadsWithCredentialsIssuedByLocalStack(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("index.html"), "<h1>hello</h1>");
        try (GitHubOidcSandbox sandbox = LocalStackSandboxes.gatewayTo(localstack);
             S3Client admin = sandbox.configure(S3Client.builder(), StaticCredentialsProvider.create(
                     AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())))
                     .forcePathStyle(true).build()) {
            TestRole role = sandbox.createRole("GitHubActionsRole", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Principal":{"Federated":"arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com"},
                     "Action":"sts:AssumeRoleWithWebIdentity",
                     "Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":
                       "repo:octo-org/octo-repo:ref:refs/heads/main"}}}]}
                    """);
            admin.createBucket(r -> r.bucket("my-prod-website-bucket"));
            SimulatedJob job = sandbox.startJob(push("octo-org/octo-repo"));
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            assertThat(S3UploadExample.run(new String[] {file.toString(), "my-prod-website-bucket"},
                    job.environmentSource(role), quiet, quiet)).isZero();
            assertThat(admin.getObjectAsBytes(r -> r.bucket("my-prod-website-bucket").key("index.html")).asUtf8String())
                    .isEqualTo("<h1>hello</h1>");
        }
    }
}
