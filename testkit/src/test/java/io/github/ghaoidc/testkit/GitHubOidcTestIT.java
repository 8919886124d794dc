package io.github.ghaoidc.testkit;

import static io.github.ghaoidc.testkit.TrustAssertions.assertThatRole;
import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The annotation end to end: injection, class-scoped sharing, end-to-end assertions over HTTP. */
@GitHubOidcTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GitHubOidcTestIT {

    private static GitHubOidcSandbox firstSeen;

    GitHubOidcSandbox sandbox;

    @Test
    @Order(1)
    void injectsTheSameRunningSandboxIntoFieldAndParameters(GitHubOidcSandbox parameter, GitHubOidcEmulator emulator,
                                                            AwsEmulation aws) {
        assertThat(sandbox).isSameAs(parameter);
        assertThat(sandbox.isRunning()).isTrue();
        assertThat(emulator).isSameAs(sandbox.emulator());
        assertThat(aws).isSameAs(sandbox.aws());
        assertThat(sandbox.stsEndpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(sandbox.gitHubProviderArn())
                .isEqualTo("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
        firstSeen = sandbox;
    }

    @Test
    @Order(2)
    void keepsOneSandboxForTheWholeClass() {
        assertThat(sandbox).isSameAs(firstSeen);
    }

    @Test
    void endToEndAssertionsTradeRealTokensOnTheSandboxSts() {
        TestRole role = sandbox.createRole("DeployApp", PolicySource.classpath("policies/app-main.json"));
        assertThat(role.arn()).isEqualTo("arn:aws:iam::123456789012:role/DeployApp");
        assertThatRole(role).endToEnd()
                .allows(push("octo-org/app").toBranch("main"))
                .denies(pullRequest("octo-org/app"))
                .denies(push("octo-org/other").toBranch("main"));
        assertThat(sandbox.aws().decisions()).filteredOn(d -> d.roleArn().equals(role.arn()))
                .extracting(d -> d.decision()).containsExactly("IMPLICIT_DENY", "IMPLICIT_DENY", "ALLOW");
    }

    @Test
    void endToEndFailureNamesModeStsErrorAndCondition() {
        TestRole role = sandbox.createRole("DeployAppFailure", PolicySource.classpath("policies/app-main.json"));
        assertThatThrownBy(() -> assertThatRole(role).endToEnd().allows(pullRequest("octo-org/app")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it was DENIED (AccessDenied)")
                .hasMessageContaining("mode: end-to-end")
                .hasMessageContaining("STS said: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity")
                .hasMessageContaining("request value: \"repo:octo-org/app:pull_request\"");
    }

    @Test
    void endToEndChecksWhatInProcessCannotTheProvidersAudience() {
        TestRole role = sandbox.createRole("AnyAudience", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
                 "Action":"sts:AssumeRoleWithWebIdentity",
                 "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/app:*"}}}]}
                """);
        var otherAudience = push("octo-org/app").withAudience("https://github.com/octo-org");
        assertThatRole(role).inProcess().allows(otherAudience);
        assertThatThrownBy(() -> assertThatRole(role).endToEnd().allows(otherAudience))
                .hasMessageContaining("STS said: InvalidIdentityToken: Incorrect token audience")
                .hasMessageContaining("the trust policy was not evaluated");
    }

    @Test
    void iamSaveTimeChecksApplyWhenCreatingARole() {
        assertThatThrownBy(() -> sandbox.createRole("Unscoped", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
                 "Action":"sts:AssumeRoleWithWebIdentity"}]}
                """))
                .isInstanceOf(TestkitException.class)
                .hasMessageContaining("IAM refused role Unscoped from inline policy")
                .hasMessageContaining("not scoped to all");
    }

    @Test
    void bothModesReachTheSameVerdictsForTheReferenceRole() {
        TestRole role = sandbox.createRole("Reference", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                 "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
                 "Action":"sts:AssumeRoleWithWebIdentity",
                 "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/app:*"}}}]}
                """);
        for (WorkflowRun run : List.of(push("octo-org/app"), pullRequest("octo-org/app"), Workflows.tag("octo-org/app", "v1"),
                Workflows.environment("octo-org/app", "prod"), push("octo-org/other"), push("other-org/app"))) {
            assertThat(Judges.endToEnd(role, run).allowed()).as(run.toString())
                    .isEqualTo(Judges.inProcess(role, run).allowed());
        }
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassesShareTheOuterSandbox(GitHubOidcSandbox parameter) {
            assertThat(parameter).isSameAs(sandbox);
        }
    }
}
