package io.github.ghaoidc.examples;

import static io.github.ghaoidc.testkit.TrustAssertions.assertThatRole;
import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ghaoidc.testkit.PolicySource;
import org.junit.jupiter.api.Test;

/**
 * The acceptance check of DeployRoleTest's other half: with the policy loosened to {@code repo:octo-org/app:*},
 * the same assertions fail, and the message says which condition let the pull request in and with what subject.
 */
class BroadPolicyFailureTest {

    private static final PolicySource ANY_REF = PolicySource.classpath("deploy-role-any-ref.json");

    @Test
    void mainIsStillAllowed() {
        assertThatRole(ANY_REF).allows(push("octo-org/app").toBranch("main"));
    }

    @Test
    void pullRequestAssertionFailsNamingTheConditionAndTheSubject() {
        AssertionError failure = catchThrowableOfType(AssertionError.class,
                () -> assertThatRole(ANY_REF).denies(pullRequest("octo-org/app")));

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage())
                .contains("to DENY pull_request of octo-org/app")
                .contains("but it was ALLOWED")
                .contains("sub = repo:octo-org/app:pull_request")
                .contains("condition StringLike token.actions.githubusercontent.com:sub: satisfied")
                .contains("request value: \"repo:octo-org/app:pull_request\"")
                .contains("policy value:  \"repo:octo-org/app:*\" matches");
    }
}
