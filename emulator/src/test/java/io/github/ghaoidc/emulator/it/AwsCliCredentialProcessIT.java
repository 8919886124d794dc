package io.github.ghaoidc.emulator.it;

import io.github.ghaoidc.emulator.support.Processes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI with the {@code credential_process} profile exactly as docs/credentials-provider.md shows it
 * (only {@code java -jar /opt/gha-oidc.jar} replaced by this build's jar) runs {@code aws sts get-caller-identity}
 * against the emulator; the jar reads the job's token endpoint from the
 * environment the CLI passes down, as on a runner. Needs the shaded jar (Failsafe runs after package) and
 * {@code aws} on PATH.
 */
class AwsCliCredentialProcessIT {

    static final Path JAR = Path.of("target", "gha-oidc.jar").toAbsolutePath();
    static final Path DOC = Path.of("..", "docs", "credentials-provider.md").toAbsolutePath().normalize();

    static GitHubAndAws local;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        local = GitHubAndAws.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    static boolean awsCliPresent() {
        try {
            return Processes.run(new ProcessBuilder("aws", "--version"), 60).exit() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The {@code ini} block of docs/credentials-provider.md, as a user would paste it into the AWS config file. */
    static String documentedProfile() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf("```ini\n");
        assertThat(start).as("an ```ini block in %s", DOC).isNotNegative();
        int from = start + "```ini\n".length();
        return doc.substring(from, doc.indexOf("```", from));
    }

    @Test
    void awsCliGetsCallerIdentityThroughTheDocumentedCredentialProcessProfile() throws Exception {
        assumeTrue(awsCliPresent(), "the AWS CLI (`aws`) is not on PATH; .ci/run installs it");
        assertThat(JAR).as("the standalone jar built by `package`").exists();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String profile = documentedProfile().replace("java -jar /opt/gha-oidc.jar", java + " -jar " + JAR);
        assertThat(profile).as("the documented profile").contains("--role-arn " + local.roleArn)
                .contains("--session-name " + GitHubAndAws.SESSION).contains(JAR.toString());
        Path config = dir.resolve("config");
        Files.writeString(config, profile);

        ProcessBuilder builder = new ProcessBuilder("aws", "sts", "get-caller-identity", "--profile", "deploy",
                "--endpoint-url", local.github.baseUrl(), "--output", "json");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("ACTIONS_"));
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", local.github.defaultJob().requestUrl());
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", local.github.defaultJob().requestToken());
        env.put("AWS_ENDPOINT_URL_STS", local.github.baseUrl());
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("aws finished").isTrue();

        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code; stderr: %s", errors).isZero();
        JsonNode identity = new ObjectMapper().readTree(Files.readString(stdout, StandardCharsets.UTF_8));
        assertThat(identity.get("Arn").asText()).isEqualTo(local.assumedRoleArn("GitHubActionsRole"));
        assertThat(identity.get("Account").asText()).isEqualTo(GitHubAndAws.ACCOUNT);
    }
}
