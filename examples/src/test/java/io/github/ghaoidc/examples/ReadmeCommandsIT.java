package io.github.ghaoidc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's shell commands as a new user would type them, from a project root whose
 * {@code emulator/target/gha-oidc.jar} is the jar this build made.
 */
class ReadmeCommandsIT {

    private static final Path JAR = Path.of(System.getProperty("ghaoidc.jar", "../emulator/target/gha-oidc.jar"))
            .toAbsolutePath();

    @TempDir
    Path root;

    @Test
    void setUpCommandRunsTheDemoThatGrantsTheRepositoryAndRefusesOthers() throws Exception {
        String command = ReadmeTest.snippetFrom("examples/src/test/resources/readme/setup-main.sh").strip();
        assertThat(command).startsWith("mvn -B -q package -DskipTests && ");
        // The Maven half is what this very build does; run the rest as written.
        String output = run(command.substring(command.indexOf("&& ") + 3));
        assertThat(output).contains("GRANTED").contains("assumed-role/GitHubActionsRole/GithubActionsSession")
                .contains("REFUSED  AccessDenied").contains("Incorrect token audience");
    }

    @Test
    void standaloneQuickStartGetsATokenWithCurl() throws Exception {
        String snippet = ReadmeTest.snippetFrom("examples/src/test/resources/readme/standalone.sh");
        // The snippet leaves the server running in the background, as a user's shell would: stop it after.
        String output = run(snippet + "\nkill $!; wait\n");
        assertThat(output).contains("export ACTIONS_ID_TOKEN_REQUEST_URL=")
                .containsPattern("\\{\"count\":1,\"value\":\"eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\"}");
    }

    private String run(String script) throws Exception {
        Path jar = root.resolve("emulator/target/gha-oidc.jar");
        Files.createDirectories(jar.getParent());
        Files.createSymbolicLink(jar, JAR);
        Processes.Finished process = Processes.run(new ProcessBuilder("bash", "-c", script).directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD), 120);
        assertThat(process.exit()).as("exit status").isZero();
        return process.output();
    }
}
