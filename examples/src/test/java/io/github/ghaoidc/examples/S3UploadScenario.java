package io.github.ghaoidc.examples;

import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.SimulatedJob;
import io.github.ghaoidc.testkit.TestRole;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The reference scenario's S3 step: the example app uploads the site with the job's credentials, issued by the
 * AWS emulator behind a gateway sandbox that enforces the trust policy. One scenario for LocalStack and Floci.
 */
final class S3UploadScenario {

    private S3UploadScenario() {
    }

    static void uploadThroughTheGateway(GitHubOidcSandbox sandbox, AwsCredentialsProvider adminCredentials, Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("index.html"), "<h1>hello</h1>");
        try (S3Client admin = sandbox.configure(S3Client.builder(), adminCredentials).forcePathStyle(true).build()) {
            TestRole role = sandbox.createRole("GitHubActionsRole", """
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
                     "Principal":{"Federated":"arn:aws:iam::000000000000:oidc-provider/token.actions.githubusercontent.com"},
                     "Action":"sts:AssumeRoleWithWebIdentity",
                     "Condition":{"StringEquals":{"token.actions.githubusercontent.com:sub":
                       "repo:octo-org/octo-repo:ref:refs/heads/main"}}}]}
                    """);
            admin.createBucket(r -> r.bucket("my-prod-website-bucket"));
            SimulatedJob job = sandbox.startJob(push("octo-org/octo-repo"));
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
            assertThat(S3UploadExample.run(new String[] {file.toString(), "my-prod-website-bucket"},
                    job.environmentSource(role), quiet, quiet)).isZero();
            assertThat(admin.getObjectAsBytes(r -> r.bucket("my-prod-website-bucket").key("index.html")).asUtf8String())
                    .isEqualTo("<h1>hello</h1>");
        }
    }
}
