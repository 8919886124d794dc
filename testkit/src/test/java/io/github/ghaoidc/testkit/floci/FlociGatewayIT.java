package io.github.ghaoidc.testkit.floci;

import io.github.ghaoidc.testkit.GatewayScenario;
import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.containers.DisabledWithoutDocker;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Trust enforced by the sandbox, credentials issued by Floci and used on its S3: the LocalStack scenario, against
 * Floci. Needs Docker; skipped where Docker is absent, with the reason on the console.
 */
@DisabledWithoutDocker
@Testcontainers
class FlociGatewayIT {

    @Container
    static GenericContainer<?> floci = FlociSandboxes.newContainer();

    @Test
    void mainGetsFlociCredentialsThatWorkOnS3AndPullRequestsAreRefused() {
        try (GitHubOidcSandbox sandbox = FlociSandboxes.gatewayTo(floci)) {
            GatewayScenario.mainUploadsToS3AndPullRequestsAreRefused(sandbox);
        }
    }
}
