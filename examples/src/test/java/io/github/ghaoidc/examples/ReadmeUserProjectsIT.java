package io.github.ghaoidc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Use 1 and Use 2 as a new user follows them on Maven 3.8: separate projects made only of the README's
 * blocks (the complete pom, the class, the policy), against this build installed in the user's {@code ~/.m2}.
 */
class ReadmeUserProjectsIT {

    @TempDir
    Path base;

    @Test
    void useOneRunsTheApplicationAgainstTheLocalEmulatorAndPrintsTheAssumedRole() throws Exception {
        UserProject user = UserProject.create(base)
                .file("pom.xml", ReadmeTest.snippetFrom("examples/src/test/resources/readme/app-pom.xml"))
                .file("src/main/java/AppQuickStart.java",
                        ReadmeTest.snippetFrom("examples/src/test/resources/readme/AppQuickStart.java"));

        Processes.Finished run = user.bash(ReadmeTest.snippetFrom("examples/src/test/resources/readme/app-local.sh"),
                Map.of(), 300);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("arn:aws:sts::123456789012:assumed-role/GitHubActionsRole/GitHubActions\n");
        assertThat(run.output()).as("no credential is printed").doesNotContain("ASIA");
        assertThat(user.dir.resolve("job.env")).as("serve removed its env file when stopped").doesNotExist();
    }

    @Test
    void useTwoTestProjectRunsItsTestWithSurefireThree() throws Exception {
        UserProject user = UserProject.create(base)
                .file("pom.xml", ReadmeTest.snippetFrom("examples/src/test/resources/readme/test-pom.xml"))
                .file("src/test/java/DeployRoleTest.java",
                        ReadmeTest.snippetFrom("examples/src/test/resources/readme/DeployRoleTest.java"))
                .file("src/test/resources/deploy-role.json",
                        ReadmeTest.snippetFrom("examples/src/test/resources/readme/deploy-role.json"));

        Processes.Finished run = user.bash("mvn -B test", Map.of(), 300);

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(Files.readString(user.dir.resolve("target/surefire-reports/TEST-DeployRoleTest.xml")))
                .contains("testcase name=\"mainMayDeployPullRequestsMayNot\"");
    }
}
