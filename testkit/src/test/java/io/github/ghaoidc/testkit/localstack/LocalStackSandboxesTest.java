package io.github.ghaoidc.testkit.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Container configuration, checked without Docker (a LocalStackContainer cannot even be constructed without it). */
class LocalStackSandboxesTest {

    @Test
    void imageIsPinnedByPropertyThenVariableThenDefault() {
        assertThat(LocalStackSandboxes.image("localstack/localstack:4.9", Map.of(LocalStackSandboxes.IMAGE_VARIABLE, "x:1")))
                .isEqualTo("localstack/localstack:4.9");
        assertThat(LocalStackSandboxes.image(null, Map.of(LocalStackSandboxes.IMAGE_VARIABLE, "mirror/localstack:4.7")))
                .isEqualTo("mirror/localstack:4.7");
        assertThat(LocalStackSandboxes.image(" ", Map.of())).isEqualTo(LocalStackSandboxes.DEFAULT_IMAGE);
    }

    @Test
    void authTokenIsPassedThroughFromTheEnvironmentOnlyWhenSet() {
        assertThat(LocalStackSandboxes.containerEnvironment(Map.of("LOCALSTACK_AUTH_TOKEN", "ls-token", "HOME", "/root")))
                .containsExactly(Map.entry("LOCALSTACK_AUTH_TOKEN", "ls-token"));
        assertThat(LocalStackSandboxes.containerEnvironment(Map.of("LOCALSTACK_AUTH_TOKEN", " "))).isEmpty();
        assertThat(LocalStackSandboxes.containerEnvironment(Map.of())).isEmpty();
    }
}
