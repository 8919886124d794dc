package io.github.ghaoidc.examples;

import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import io.github.ghaoidc.testkit.GitHubOidcTest;
import io.github.ghaoidc.testkit.PolicySource;
import io.github.ghaoidc.testkit.SimulatedJob;
import io.github.ghaoidc.testkit.TestRole;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's application snippet (readme/AppQuickStart.java) as a user would, as its own program with the
 * environment of a GitHub Actions job (the sandbox's job variables; nothing else), through the JDK's source launcher.
 */
@GitHubOidcTest
class ReadmeAppSnippetIT {

    @Test
    void appSnippetPrintsTheAssumedRoleArn(GitHubOidcSandbox sandbox) throws Exception {
        TestRole role = sandbox.createRole("GitHubActionsRole", PolicySource.classpath("reference/policy-hardened.json"));
        SimulatedJob job = sandbox.startJob(push("octo-org/octo-repo").toBranch("main"));
        Path snippet = Path.of(System.getProperty("basedir", "."), "src/test/resources/readme/AppQuickStart.java");
        String java = ProcessHandle.current().info().command().orElse("java");

        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                snippet.toString());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("ACTIONS_") || name.startsWith("GITHUB_"));
        env.putAll(job.environment(role));
        Processes.Finished process = Processes.run(builder, 60);

        assertThat(process.exit()).as(process.output()).isZero();
        assertThat(process.output().strip()).startsWith("arn:aws:sts::123456789012:assumed-role/GitHubActionsRole/gha-");
    }
}
