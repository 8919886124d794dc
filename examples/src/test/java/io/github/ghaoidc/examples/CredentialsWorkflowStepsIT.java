package io.github.ghaoidc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import io.github.ghaoidc.emulator.issuer.Job;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job of examples/credentials/credentials-workflow.yml: its {@code run:} steps, exactly as written, one bash
 * each, in order, as the runner runs them: the job's variables in every step, {@code $GITHUB_ENV} lines of earlier
 * steps in later ones, background processes left running until the job ends. STS is the emulator's.
 */
class CredentialsWorkflowStepsIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final String K = "token.actions.githubusercontent.com";

    @TempDir
    Path workspace;

    @Test
    void laterStepsGetCredentialsFromTheEndpointTheFirstStepStarted() throws Exception {
        assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "aws"))), "the AWS CLI is on PATH (.ci/run installs it)");
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(
                BASEDIR.resolve("credentials/credentials-workflow.yml").toFile());
        List<String> steps = new ArrayList<>();
        workflow.at("/jobs/deploy/steps").forEach(step -> {
            if (step.has("run")) {
                steps.add(step.get("run").asText());
            }
        });
        Path jar = Files.copy(Path.of(System.getProperty("ghaoidc.jar", "../emulator/target/gha-oidc.jar")),
                workspace.resolve("gha-oidc.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path githubEnv = Files.createFile(workspace.resolve("github_env"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::123456789012:oidc-provider/" + K + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
                + "\"Condition\":{\"StringEquals\":{\"" + K + ":sub\":\"repo:octo-org/app:ref:refs/heads/main\"}}}]}";
        try (GitHubOidcEmulator emulator = GitHubOidcEmulator.builder().aws(AwsEmulation.builder())
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole").assumeRolePolicyDocument(policy).build())
                .build().start()) {
            Job job = emulator.createJob(WorkflowContext.push("octo-org/app", "main"));
            Map<String, String> runner = new HashMap<>(Map.of("ACTIONS_ID_TOKEN_REQUEST_URL", job.requestUrl(),
                    "ACTIONS_ID_TOKEN_REQUEST_TOKEN", job.requestToken(), "GITHUB_ACTIONS", "true",
                    "GITHUB_ENV", githubEnv.toString(), "HOME", workspace.toString(),
                    "AWS_ENDPOINT_URL_STS", emulator.stsEndpoint(), // the one change: STS is the emulator's
                    "AWS_EC2_METADATA_DISABLED", "true"));
            List<String> outputs = new ArrayList<>();
            try {
                for (String step : steps) {
                    Map<String, String> env = new HashMap<>(runner);
                    for (String line : Files.readAllLines(githubEnv)) {
                        int eq = line.indexOf('=');
                        if (eq > 0) {
                            env.put(line.substring(0, eq), line.substring(eq + 1));
                        }
                    }
                    ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-c", step).directory(workspace.toFile());
                    bash.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("GITHUB_")
                            || k.startsWith("ACTIONS_"));
                    bash.environment().putAll(env);
                    Processes.Finished run = Processes.run(bash, 120);
                    assertThat(run.exit()).as("step %s: %s", step, run.output()).isZero();
                    outputs.add(run.output());
                }
            } finally {
                // the runner ends a job's background processes when the job ends
                ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(jar.toString()))
                        .forEach(ProcessHandle::destroy);
            }
            assertThat(outputs.get(1)).contains("arn:aws:sts::123456789012:assumed-role/GitHubActionsRole/");
            assertThat(outputs.get(2).strip()).startsWith("arn:aws:sts::123456789012:assumed-role/GitHubActionsRole/");
            assertThat(Files.readString(githubEnv)).contains("AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127.0.0.1:")
                    .contains("AWS_CONTAINER_AUTHORIZATION_TOKEN=");
            assertThat(Files.readString(workspace.resolve("credentials-endpoint.log"))).startsWith("::add-mask::");
        }
    }
}
