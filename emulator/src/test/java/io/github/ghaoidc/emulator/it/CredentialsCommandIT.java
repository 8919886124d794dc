package io.github.ghaoidc.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.cli.GhaOidcCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code gha-oidc credentials} in process against the emulator, with a token file as the ID-token source. */
class CredentialsCommandIT {

    static GitHubAndAws local;

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        local = GitHubAndAws.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    int run(WorkflowContext context, String... extra) throws IOException {
        Path token = dir.resolve("token");
        Files.writeString(token, local.github.mint(context, "sts.amazonaws.com"));
        String[] base = {"credentials", "--role-arn", local.roleArn, "--region", "us-east-2",
                "--session-name", GitHubAndAws.SESSION, "--sts-endpoint", local.github.baseUrl(),
                "--token-file", token.toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CommandLine cli = GhaOidcCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsCredentialProcessJsonThatStsAccepts() throws IOException {
        assertThat(run(WorkflowContext.push(GitHubAndAws.REPO, "main"))).isEqualTo(0);
        assertThat(err.toString()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("Version").asInt()).isEqualTo(1);
        assertThat(Instant.parse(json.get("Expiration").asText())).isAfter(Instant.now());
        var credentials = AwsSessionCredentials.create(json.get("AccessKeyId").asText(),
                json.get("SecretAccessKey").asText(), json.get("SessionToken").asText());
        try (var sts = StsClient.builder().region(Region.US_EAST_2).endpointOverride(local.stsEndpoint())
                .credentialsProvider(StaticCredentialsProvider.create(credentials)).build()) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(local.assumedRoleArn("GitHubActionsRole"));
        }
    }

    @Test
    void envFormatPrintsExportLines() throws IOException {
        assertThat(run(WorkflowContext.push(GitHubAndAws.REPO, "main"), "--format", "env", "--no-mask")).isEqualTo(0);
        assertThat(out.toString().lines()).hasSize(4)
                .anySatisfy(l -> assertThat(l).startsWith("export AWS_ACCESS_KEY_ID=ASIA"))
                .anySatisfy(l -> assertThat(l).startsWith("export AWS_SECRET_ACCESS_KEY="))
                .anySatisfy(l -> assertThat(l).startsWith("export AWS_SESSION_TOKEN="))
                .anySatisfy(l -> assertThat(l).startsWith("export AWS_CREDENTIAL_EXPIRATION="));
    }

    @Test
    void aRefusedContextIsOneLineOnStderrAndANonZeroExit() throws IOException {
        assertThat(run(WorkflowContext.push("octo-org/other-repo", "main"))).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).hasLineCount(1)
                .contains("AccessDenied")
                .contains("sub=repo:octo-org/other-repo:ref:refs/heads/main")
                .doesNotContain("eyJ")
                .doesNotContain("\tat ");
    }
}
