package io.github.ghaoidc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Runs examples/cli/walkthrough.sh with the standalone jar this build made, and the AWS CLI. */
class CliWalkthroughIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "."));

    @Test
    void walkthroughReproducesTheReferenceScenarioAndShowsWhyToHarden() throws Exception {
        assumeTrue(onPath("aws"), "the AWS CLI ('aws') is not on PATH; the walkthrough drives the emulator with it");
        Path jar = Path.of(System.getProperty("ghaoidc.jar", "../emulator/target/gha-oidc.jar"));
        assertThat(jar).as("standalone jar (built by the emulator module's package phase)").isRegularFile();

        Processes.Finished process = Processes.run(new ProcessBuilder("bash",
                BASEDIR.resolve("cli/walkthrough.sh").toString(), jar.toString()).directory(BASEDIR.toFile()), 180);
        String output = process.output();

        assertThat(process.exit()).as(output).isZero();
        assertThat(output.lines().toList()).containsSubsequence(List.of(
                "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com",
                "arn:aws:iam::123456789012:role/GitHubActionsRole",
                "arn:aws:sts::123456789012:assumed-role/GitHubActionsRole/GithubActionsSession",
                "pull request, reference policy: allowed",
                "pull request, hardened policy: refused (AccessDenied)",
                "push to main, hardened policy: allowed"));
        assertThat(output).as("no token, key or secret is printed").doesNotContain("eyJ").doesNotContain("ASIA");
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
