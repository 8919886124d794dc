package io.github.ghaoidc.testkit.localstack;

import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.GatewayScenario;
import io.github.ghaoidc.testkit.containers.DisabledWithoutDocker;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;

/**
 * Trust enforced by the sandbox, credentials issued by LocalStack and used on its S3. Needs Docker (and, for
 * current LocalStack images, LOCALSTACK_AUTH_TOKEN in the environment); skipped where Docker is absent.
 */
@DisabledWithoutDocker
@Testcontainers
class LocalStackGatewayIT {

    @Container
    static LocalStackContainer localstack = LocalStackSandboxes.newContainer();

    @Test
    void mainGetsLocalStackCredentialsThatWorkOnS3AndPullRequestsAreRefused() {
        try (GitHubOidcSandbox sandbox = LocalStackSandboxes.gatewayTo(localstack)) {
            GatewayScenario.mainUploadsToS3AndPullRequestsAreRefused(sandbox);
        }
    }
}
