package io.github.ghaoidc.examples;


import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.localstack.LocalStackSandboxes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.github.ghaoidc.testkit.containers.DisabledWithoutDocker;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The whole app against LocalStack's S3, with trust enforced by the sandbox in gateway mode. Needs Docker and,
 * for current LocalStack images, LOCALSTACK_AUTH_TOKEN; skipped where Docker is absent.
 */
@DisabledWithoutDocker
@Testcontainers
class S3UploadLocalStackIT {

    @Container
    static LocalStackContainer localstack = LocalStackSandboxes.newContainer();

    @Test
    void uploadsWithCredentialsIssuedByLocalStack(@TempDir Path dir) throws Exception {
        try (GitHubOidcSandbox sandbox = LocalStackSandboxes.gatewayTo(localstack)) {
            S3UploadScenario.uploadThroughTheGateway(sandbox, StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())), dir);
        }
    }
}
