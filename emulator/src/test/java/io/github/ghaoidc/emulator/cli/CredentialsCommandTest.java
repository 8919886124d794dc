package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.core.EnvironmentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Argument handling and output shapes of {@code gha-oidc credentials}; the exchange itself is in the ITs. */
class CredentialsCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    static final String ROLE = "arn:aws:iam::123456789012:role/R";

    @TempDir
    Path dir;

    /** Runs with an empty environment, so nothing on this machine (AWS_REGION, GITHUB_ACTIONS, …) leaks in. */
    int run(String... args) {
        return run(Map.of(), args);
    }

    int run(Map<String, String> environment, String... args) {
        CommandLine cli = GhaOidcCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        CredentialsCommand command = cli.getSubcommands().get("credentials").getCommand();
        command.environment = EnvironmentSource.of(environment);
        return cli.execute(args);
    }

    /** One line on stderr, no stack trace, no Java class or builder method names. */
    void assertOneCliLine() {
        assertThat(err.toString()).hasLineCount(1).startsWith("gha-oidc credentials: ")
                .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("(...)").doesNotContain("java.");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingTokenFileIsAnInputErrorNamingTheFlag() {
        Path missing = dir.resolve("nonexist");
        assertThat(run("credentials", "--role-arn", ROLE, "--region", "us-east-2", "--token-file", missing.toString()))
                .isEqualTo(2);
        assertOneCliLine();
        assertThat(err.toString()).contains("--token-file " + missing + ": no such file")
                .doesNotContain("AWS_WEB_IDENTITY_TOKEN_FILE");
    }

    @Test
    void aTokenFileThatIsADirectoryIsAnInputError() {
        assertThat(run("credentials", "--role-arn", ROLE, "--region", "us-east-2", "--token-file", dir.toString()))
                .isEqualTo(2);
        assertOneCliLine();
        assertThat(err.toString()).contains("--token-file " + dir + ": it is a directory");
    }

    @Test
    void aMissingTokenFileFromTheEnvironmentNamesTheVariable() {
        Path missing = dir.resolve("nonexist");
        assertThat(run(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", missing.toString()),
                "credentials", "--role-arn", ROLE, "--region", "us-east-2")).isEqualTo(2);
        assertOneCliLine();
        assertThat(err.toString()).contains(missing + ": no such file").contains("AWS_WEB_IDENTITY_TOKEN_FILE");
    }

    @Test
    void nothingConfiguredIsAnInputErrorNamingFlagsAndVariables() {
        assertThat(run("credentials")).isEqualTo(2);
        assertOneCliLine();
        assertThat(err.toString())
                .contains("no role to assume").contains("AWS_ROLE_ARN").contains("--role-arn")
                .contains("no AWS region").contains("AWS_REGION").contains("--region")
                .contains("add `permissions: id-token: write` to the job").contains("--token-file")
                .doesNotContain("tokenSource").doesNotContain("roleArn(").doesNotContain("region(");
    }

    @Test
    void aMissingRegionAloneSaysTheAwsCliDoesNotPassTheProfilesRegion() {
        assertThat(run(Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.example/idtoken?api-version=2.0",
                "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "request-token"), "credentials", "--role-arn", ROLE)).isEqualTo(2);
        assertOneCliLine();
        assertThat(err.toString()).contains("no AWS region").contains("--region REGION")
                .contains("does not pass a profile's region").doesNotContain("no role").doesNotContain("request-token");
    }

    @Test
    void anInvalidRoleArnFlagIsNamedByItsFlag() {
        assertThat(run("credentials", "--role-arn", "deployer", "--region", "us-east-2")).isEqualTo(2);
        assertOneCliLine();
        assertThat(err.toString()).contains("--role-arn must be an IAM role ARN");
    }

    @Test
    void anInvalidDurationIsAUsageErrorOnOneLine() {
        assertThat(run("credentials", "--role-arn", "arn:aws:iam::123456789012:role/R", "--region", "us-east-2",
                "--duration", "60")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("--duration must be").contains("from 900 (15 min) to 43200 (12 h)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anInvalidSessionNameIsAUsageErrorOnOneLine() {
        assertThat(run("credentials", "--role-arn", "arn:aws:iam::123456789012:role/R", "--region", "us-east-2",
                "--session-name", "x")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("2–64 characters");
    }

    @Test
    void anUnknownFormatNamesTheAllowedValues() {
        assertThat(run("credentials", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("json, env");
    }

    static final AwsSessionCredentials CREDENTIALS = AwsSessionCredentials.builder().accessKeyId("ASIAEXAMPLE")
            .secretAccessKey("wJalr/K7MDENG+bPxRfiCY").sessionToken("FwoGZ+/token=")
            .expirationTime(Instant.parse("2026-11-25T23:00:00Z")).build();

    @Test
    void jsonIsTheCredentialProcessShape() throws Exception {
        JsonNode json = new ObjectMapper().readTree(CredentialsOutput.json(CREDENTIALS));
        assertThat(json.get("Version").asInt()).isEqualTo(1);
        assertThat(json.get("AccessKeyId").asText()).isEqualTo("ASIAEXAMPLE");
        assertThat(json.get("SecretAccessKey").asText()).isEqualTo("wJalr/K7MDENG+bPxRfiCY");
        assertThat(json.get("SessionToken").asText()).isEqualTo("FwoGZ+/token=");
        assertThat(json.get("Expiration").asText()).isEqualTo("2026-11-25T23:00:00Z");
    }

    @Test
    void envFormatPrintsExportLines() {
        assertThat(CredentialsOutput.env(CREDENTIALS).lines()).containsExactly(
                "export AWS_ACCESS_KEY_ID=ASIAEXAMPLE",
                "export AWS_SECRET_ACCESS_KEY=wJalr/K7MDENG+bPxRfiCY",
                "export AWS_SESSION_TOKEN=FwoGZ+/token=",
                "export AWS_CREDENTIAL_EXPIRATION=2026-11-25T23:00:00Z");
    }
}
