package io.github.ghaoidc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit job of examples/audit/audit-workflow.yml: its {@code run:} step, exactly as written, in bash, with the
 * standalone jar, credentials in the environment as configure-aws-credentials leaves them, and IAM at the emulator.
 */
class AuditWorkflowStepIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));
    private static final String K = "token.actions.githubusercontent.com";

    @TempDir
    Path workspace;

    @Test
    void theRunStepWritesTheAuditTableToTheStepSummaryAndFailsOnErrors() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(BASEDIR.resolve("audit/audit-workflow.yml").toFile());
        JsonNode steps = workflow.at("/jobs/audit/steps");
        String script = steps.get(steps.size() - 1).get("run").asText();
        Path jar = Path.of(System.getProperty("ghaoidc.jar", "../emulator/target/gha-oidc.jar"));
        Files.copy(jar, workspace.resolve("gha-oidc.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path summary = Files.createFile(workspace.resolve("step-summary.md"));
        String provider = "arn:aws:iam::123456789012:oidc-provider/" + K;
        String audOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + provider + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"" + K
                + ":aud\":\"sts.amazonaws.com\"}}}]}";
        try (GitHubOidcEmulator emulator = GitHubOidcEmulator.builder().aws(AwsEmulation.builder())
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("LegacyDeploy").assumeRolePolicyDocument(audOnly).legacy(true)
                        .build())
                .build().start()) {
            ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", script).directory(workspace.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("GITHUB_"));
            env.put("HOME", workspace.toString());
            env.put("AWS_ACCESS_KEY_ID", "AKIAAUDITEXAMPLE0001");
            env.put("AWS_SECRET_ACCESS_KEY", "example-secret");
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ENDPOINT_URL_IAM", emulator.stsEndpoint());
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("GITHUB_STEP_SUMMARY", summary.toString());
            Processes.Finished step = Processes.run(builder, 120);

            assertThat(step.exit()).as(step.output()).isEqualTo(1);
        }
        assertThat(Files.readString(summary))
                .startsWith("## GitHub OIDC trust audit of account 123456789012")
                .contains("| LegacyDeploy | anyone (a workflow of an owner the policy never names gets in) |")
                .contains("| yes |");
    }
}
