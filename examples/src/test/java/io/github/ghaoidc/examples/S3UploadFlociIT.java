package io.github.ghaoidc.examples;

import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.containers.DisabledWithoutDocker;
import io.github.ghaoidc.testkit.floci.FlociSandboxes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The whole app against Floci's S3, with trust enforced by the sandbox in gateway mode: the LocalStack example,
 * against Floci (no auth token needed). Needs Docker; skipped where Docker is absent, with the reason on the console.
 */
@DisabledWithoutDocker
@Testcontainers
class S3UploadFlociIT {

    @Container
    static GenericContainer<?> floci = FlociSandboxes.newContainer();

    @Test
    void uploadsWithCredentialsIssuedByFloci(@TempDir Path dir) throws Exception {
        try (GitHubOidcSandbox sandbox = FlociSandboxes.gatewayTo(floci)) {
            S3UploadScenario.uploadThroughTheGateway(sandbox,
                    StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")), dir);
        }
    }
}
