package io.github.ghaoidc.testkit.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When Docker tests are skipped, and that the reason is said: decided without Docker by injecting the probes. */
class DockerConditionTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final AtomicInteger asked = new AtomicInteger();

    private DockerCondition condition(Map<String, String> env, boolean engineAnswers) {
        return new DockerCondition(env, home, home.resolve("no-such.sock"), () -> {
            asked.incrementAndGet();
            return engineAnswers;
        }, new PrintStream(console, true, StandardCharsets.UTF_8), false);
    }

    @Test
    void withNothingPointingAtDockerItIsSkippedWithoutAskingTestcontainers() {
        String reason = condition(Map.of(), true).whyNoDocker();

        assertThat(reason).isEqualTo("needs Docker, and no Docker engine is configured here (DOCKER_HOST is unset, "
                + "there is no /var/run/docker.sock and no ~/.testcontainers.properties)");
        assertThat(asked).hasValue(0);
    }

    @Test
    void aConfiguredEngineThatAnswersEnablesTheTests() {
        assertThat(condition(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375"), true).whyNoDocker()).isNull();
        assertThat(asked).hasValue(1);
    }

    @Test
    void aConfiguredEngineThatDoesNotAnswerSkipsNamingIt() throws Exception {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://127.0.0.1:1\n");

        assertThat(condition(Map.of(), false).whyNoDocker())
                .isEqualTo("needs Docker, and the configured Docker engine does not answer");
    }
}
