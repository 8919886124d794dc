package io.github.ghaoidc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code-scanning job of examples/lint/lint-workflow.yml: its {@code run:} step, exactly as written, in bash, with
 * the standalone jar, over a checkout holding examples/lint/infra (a Terraform module and a CloudFormation stack).
 */
class LintWorkflowStepIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));

    @TempDir
    Path workspace;

    @Test
    void theRunStepWritesSarifWithEachFindingAtItsFileAndLineAndFailsOnWarnings() throws Exception {
        JsonNode workflow = new ObjectMapper(new YAMLFactory()).readTree(BASEDIR.resolve("lint/lint-workflow.yml").toFile());
        JsonNode steps = workflow.at("/jobs/lint/steps");
        String script = steps.get(2).get("run").asText();
        assertThat(steps.get(3).get("uses").asText()).startsWith("github/codeql-action/upload-sarif@");
        assertThat(steps.get(3).at("/with/sarif_file").asText()).isEqualTo("trust-lint.sarif");
        Path jar = Path.of(System.getProperty("ghaoidc.jar", "../emulator/target/gha-oidc.jar"));
        Files.copy(jar, workspace.resolve("gha-oidc.jar"), StandardCopyOption.REPLACE_EXISTING);
        copy(BASEDIR.resolve("lint/infra"), workspace.resolve("infra"));

        ProcessBuilder builder = new ProcessBuilder("bash", "-e", "-c", script).directory(workspace.toFile());
        builder.environment().put("HOME", workspace.toString());

        Processes.Finished step = Processes.run(builder, 120);

        assertThat(step.exit()).as(step.output()).isEqualTo(1);
        JsonNode sarif = new ObjectMapper().readTree(workspace.resolve("trust-lint.sarif").toFile());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        List<String> where = new ArrayList<>();
        for (JsonNode result : sarif.at("/runs/0/results")) {
            JsonNode physical = result.at("/locations/0/physicalLocation");
            where.add(result.path("ruleId").asText() + " " + physical.at("/artifactLocation/uri").asText() + ":"
                    + physical.at("/region/startLine").asInt());
        }
        assertThat(where).contains("GHA004 infra/github-oidc/main.tf:20", "GHA017 infra/github-oidc/main.tf:8")
                .anyMatch(w -> w.startsWith("GHA004 infra/stacks/deploy-role.yaml:"));
        assertThat(sarif.at("/runs/0/invocations/0/executionSuccessful").asBoolean()).isTrue();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
