package io.github.ghaoidc.testkit.floci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;

/** What needs no Docker: the image choice, the container's shape, and the refusal of a container not started. */
class FlociSandboxesTest {

    @Test
    void imageIsThePropertyThenTheVariableThenTheDefault() {
        assertThat(FlociSandboxes.image(" floci/floci:1.2 ", Map.of("GHA_OIDC_FLOCI_IMAGE", "x"))).isEqualTo("floci/floci:1.2");
        assertThat(FlociSandboxes.image(null, Map.of("GHA_OIDC_FLOCI_IMAGE", "mirror/floci:9"))).isEqualTo("mirror/floci:9");
        assertThat(FlociSandboxes.image("", Map.of())).isEqualTo("floci/floci:latest");
    }

    @Test
    void theContainerExposesFlocisSinglePort() {
        GenericContainer<?> floci = FlociSandboxes.newContainer("floci/floci:test");

        assertThat(floci.getExposedPorts()).containsExactly(4566);
    }

    @Test
    void aContainerNotStartedIsRefusedSayingWhatToDo() {
        assertThatThrownBy(() -> FlociSandboxes.gatewayTo(FlociSandboxes.newContainer("floci/floci:test")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("start the Floci container first (or declare it as a @Container)");
    }
}
