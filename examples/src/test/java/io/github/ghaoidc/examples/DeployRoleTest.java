package io.github.ghaoidc.examples;

import static io.github.ghaoidc.testkit.TrustAssertions.assertThatRole;
import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;

import io.github.ghaoidc.testkit.PolicySource;
import org.junit.jupiter.api.Test;

class DeployRoleTest {

    @Test
    void mainMayDeployPullRequestsMayNot() {
        assertThatRole(PolicySource.classpath("deploy-role.json"))
                .allows(push("octo-org/app").toBranch("main"))
                .denies(pullRequest("octo-org/app"));
    }
}
