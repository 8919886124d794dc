package io.github.ghaoidc.examples;

import static io.github.ghaoidc.testkit.TrustAssertions.assertThatRole;
import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.GitHubOidcTest;
import io.github.ghaoidc.testkit.PolicySource;
import io.github.ghaoidc.testkit.SimulatedJob;
import io.github.ghaoidc.testkit.TestRole;
import org.junit.jupiter.api.Test;

/** The sandbox example of docs/testkit.md, as it is written there. */
@GitHubOidcTest
class DeployIT {
    GitHubOidcSandbox sandbox;

    @Test
    void mainGetsCredentials() {
        TestRole role = sandbox.createRole("GitHubActionsRole", PolicySource.classpath("deploy-role.json"));
        assertThatRole(role).endToEnd().allows(push("octo-org/app")).denies(pullRequest("octo-org/app"));

        SimulatedJob job = sandbox.startJob(push("octo-org/app").toBranch("main"));
        try (var credentials = job.credentialsProvider(role)) {        // a GitHubOidcCredentialsProvider
            assertThat(credentials.resolveCredentials().accessKeyId()).startsWith("ASIA");
        }
    }
}
