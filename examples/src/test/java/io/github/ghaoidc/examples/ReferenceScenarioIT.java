package io.github.ghaoidc.examples;

import static io.github.ghaoidc.testkit.TrustAssertions.assertThatRole;
import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.GitHubOidcTest;
import io.github.ghaoidc.testkit.PolicySource;
import io.github.ghaoidc.testkit.SimulatedJob;
import io.github.ghaoidc.testkit.TestRole;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

/** The reference scenario's four steps, end to end over HTTP on the sandbox (account 123456789012, us-east-2). */
@GitHubOidcTest
class ReferenceScenarioIT {

    @Test
    void fourStepsFromTrustingGitHubToTheAssumedRoleArn(GitHubOidcSandbox sandbox) {
        // 1. GitHub's issuer is trusted in the account (the sandbox declares the provider through IAM)
        assertThat(sandbox.gitHubProviderArn())
                .isEqualTo("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com");
        // 2. the role, deployed from the CloudFormation template
        TestRole role = sandbox.createRole("GitHubActionsRole", PolicySource.classpath("reference/github-actions-role.yaml")
                .parameter("GitHubOrg", "octo-org").parameter("GitHubRepo", "octo-repo"));
        // 3. the job asks for a token and trades it
        SimulatedJob job = sandbox.startJob(push("octo-org/octo-repo").toBranch("main"));
        try (GitHubOidcCredentialsProvider credentials = job.credentialsProviderBuilder(role)
                .roleSessionName("GithubActionsSession").build();
             StsClient sts = sandbox.configure(StsClient.builder(), credentials).build()) {
            // 4. proof
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::123456789012:assumed-role/GitHubActionsRole/GithubActionsSession");
        }
    }

    @Test
    void hardenedTerraformRoleEndToEnd(GitHubOidcSandbox sandbox) {
        TestRole role = sandbox.createRole("GitHubActionsRole",
                PolicySource.classpath("reference/terraform-plan-hardened.json"));
        assertThatRole(role).endToEnd()
                .allows(push("octo-org/octo-repo").toBranch("main"))
                .denies(pullRequest("octo-org/octo-repo"))
                .denies(push("octo-org/octo-repo").toBranch("feature/untested"));
    }
}
