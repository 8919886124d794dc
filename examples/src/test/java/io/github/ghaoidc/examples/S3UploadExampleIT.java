package io.github.ghaoidc.examples;

import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.GitHubOidcTest;
import io.github.ghaoidc.testkit.PolicySource;
import io.github.ghaoidc.testkit.SimulatedJob;
import io.github.ghaoidc.testkit.TestRole;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.StsClient;

/** The S3 upload app's STS part against the emulator (its S3 part runs in S3UploadLocalStackIT, with Docker). */
@GitHubOidcTest
class S3UploadExampleIT {

    GitHubOidcSandbox sandbox;
    TestRole role;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void deployTheHardenedRole() {
        role = sandbox.createRole("GitHubActionsRole", PolicySource.classpath("reference/policy-hardened.json"));
    }

    @Test
    void credentialsComeFromTheJobEnvironmentAlone() {
        SimulatedJob job = sandbox.startJob(push("octo-org/octo-repo").toBranch("main"));
        try (GitHubOidcCredentialsProvider credentials = S3UploadExample.credentialsProvider(job.environmentSource(role));
             StsClient sts = sandbox.configure(StsClient.builder(), credentials).build()) {
            assertThat(sts.getCallerIdentity().arn())
                    .startsWith("arn:aws:sts::123456789012:assumed-role/GitHubActionsRole/gha-");
        }
    }

    @Test
    void pullRequestJobFailsBeforeAnyUploadAndSaysWhy(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("index.html"), "<h1>hello</h1>");
        SimulatedJob job = sandbox.startJob(pullRequest("octo-org/octo-repo"));
        int exit = S3UploadExample.run(new String[] {file.toString(), "my-prod-website-bucket"},
                job.environmentSource(role), print(out), print(err));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("AccessDenied")
                .contains("repo:octo-org/octo-repo:pull_request");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void badArgumentsExitWithTwoAndAUsageLine(@TempDir Path dir) {
        SimulatedJob job = sandbox.startJob(push("octo-org/octo-repo"));
        assertThat(S3UploadExample.run(new String[] {"only-one"}, job.environmentSource(role), print(out), print(err)))
                .isEqualTo(2);
        assertThat(S3UploadExample.run(new String[] {dir.resolve("missing").toString(), "b"}, job.environmentSource(role),
                print(out), print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: S3UploadExample FILE BUCKET [KEY]")
                .contains("is not a readable file");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
