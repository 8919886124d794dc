package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Argument handling and output shapes of {@code gha-oidc credentials}; the exchange itself is in the ITs. */
class CredentialsCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = GhaOidcCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void anInvalidDurationIsAUsageErrorOnOneLine() {
        assertThat(run("credentials", "--role-arn", "arn:aws:iam::123456789012:role/R", "--region", "us-east-2",
                "--duration", "60")).isEqualTo(2);
        assertThat(err.toString()).hasLineCount(1).contains("from 900 (15 min) to 43200 (12 h)");
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
