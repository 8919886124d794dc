package io.github.ghaoidc.testkit;

import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.GitHubOidcException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.sts.StsClient;

/** A simulated job hands the credentials provider what a real job would, and the provider gets credentials. */
class SimulatedJobIT {

    private static GitHubOidcSandbox sandbox;
    private static TestRole role;

    @BeforeAll
    static void start() {
        sandbox = GitHubOidcSandbox.create();
        role = sandbox.createRole("GitHubActionsRole", PolicySource.classpath("policies/app-main.json"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void environmentHoldsGitHubVariablesTokenRequestAndStsEndpoint() {
        SimulatedJob job = sandbox.startJob(push("octo-org/app").toBranch("main"));
        Map<String, String> env = job.environment(role);
        assertThat(env).containsEntry("GITHUB_ACTIONS", "true")
                .containsEntry("GITHUB_REPOSITORY", "octo-org/app")
                .containsEntry("GITHUB_REF", "refs/heads/main")
                .containsEntry("GITHUB_REF_NAME", "main")
                .containsEntry("GITHUB_EVENT_NAME", "push")
                .containsEntry("GITHUB_JOB", job.id())
                .containsEntry("ACTIONS_ID_TOKEN_REQUEST_URL", job.emulatorJob().requestUrl())
                .containsEntry("ACTIONS_ID_TOKEN_REQUEST_TOKEN", job.emulatorJob().requestToken())
                .containsEntry("AWS_REGION", "us-east-2")
                .containsEntry("AWS_ENDPOINT_URL_STS", sandbox.stsEndpoint().toString())
                .containsEntry("AWS_ROLE_ARN", role.arn())
                .doesNotContainKey("AWS_ENDPOINT_URL");
        assertThat(job.toString()).doesNotContain(job.emulatorJob().requestToken());
    }

    @Test
    void credentialsProviderFromTheJobEnvironmentAssumesTheRole() {
        SimulatedJob job = sandbox.startJob(push("octo-org/app").toBranch("main"));
        try (GitHubOidcCredentialsProvider credentials = job.credentialsProvider(role);
             StsClient sts = sandbox.configure(StsClient.builder(), credentials).build()) {
            assertThat(credentials.resolveCredentials()).isInstanceOf(AwsSessionCredentials.class)
                    .satisfies(c -> assertThat(c.accessKeyId()).startsWith("ASIA"));
            assertThat(sts.getCallerIdentity().arn()).startsWith("arn:aws:sts::123456789012:assumed-role/GitHubActionsRole/");
        }
    }

    @Test
    void pullRequestJobIsRefusedWithTheProvidersDiagnosis() {
        SimulatedJob job = sandbox.startJob(pullRequest("octo-org/app"));
        try (GitHubOidcCredentialsProvider credentials = job.credentialsProvider(role)) {
            assertThatThrownBy(credentials::resolveCredentials).isInstanceOf(GitHubOidcException.class)
                    .hasMessageContaining("AccessDenied")
                    .hasMessageContaining("repo:octo-org/app:pull_request");
        }
    }

    @Test
    void endToEndOnAClosedSandboxFailsSayingSo() {
        TestRole orphan;
        try (GitHubOidcSandbox shortLived = GitHubOidcSandbox.builder().gitHubProvider(false).build()) {
            orphan = shortLived.createRole("Orphan", PolicySource.classpath("policies/app-main.json"));
        }
        assertThatThrownBy(() -> TrustAssertions.assertThatRole(orphan).endToEnd())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("need a running sandbox, but the sandbox of TestRole[arn:aws:iam::123456789012:role/Orphan");
    }

    @Test
    void environmentSourceNeverTouchesTheJvm() {
        java.util.Map<String, String> before = java.util.Map.copyOf(System.getenv());

        SimulatedJob job = sandbox.startJob(push("octo-org/app"));
        job.environment(role);
        assertThat(job.environmentSource(role).environmentVariable("AWS_ROLE_ARN")).contains(role.arn());

        // compared with the JVM's own environment as it was, so it holds inside a GitHub Actions job too
        assertThat(System.getenv()).isEqualTo(before);
    }
}
