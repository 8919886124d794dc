package io.github.ghaoidc.emulator.config;

import io.github.ghaoidc.emulator.config.internal.ConfigApplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code tokens.jobLifetimeSeconds} and {@code jobs[].lifetimeSeconds} set when request tokens expire. */
class JobLifetimeConfigIT {

    @Test
    void theConfigSetsTheDefaultAndPerJobLifetimes() {
        EmulatorConfig c = ConfigLoader.parse("{\"tokens\":{\"jobLifetimeSeconds\":3600},"
                + "\"jobs\":[{\"id\":\"deploy\",\"lifetimeSeconds\":120},{\"id\":\"build\"}]}", "cfg");
        SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
        ConfigApplier applier = new ConfigApplier(c, null);
        try (GitHubOidcEmulator github = applier.applyTo(GitHubOidcEmulator.builder()).clock(clock).keyCount(1)
                .build().start()) {
            applier.createJobs(github);
            assertThat(github.defaultJob().requestTokenExpiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
            assertThat(github.job("deploy").orElseThrow().requestTokenExpiresAt()).isEqualTo(clock.instant().plusSeconds(120));
            assertThat(github.job("build").orElseThrow().requestTokenExpiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
        }
    }

    @Test
    void aBadJobLifetimeNamesTheField() {
        assertThatThrownBy(() -> ConfigLoader.parse("{\"jobs\":[{\"id\":\"a\",\"lifetimeSeconds\":0}]}", "cfg"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("cfg: jobs[0].lifetimeSeconds must be between 1 and 3024000, got: 0");
        assertThatThrownBy(() -> ConfigLoader.parse("{\"tokens\":{\"jobLifetimeSeconds\":9999999}}", "cfg"))
                .hasMessage("cfg: tokens.jobLifetimeSeconds must be between 1 and 3024000, got: 9999999");
        assertThatThrownBy(() -> ConfigLoader.parse("{\"jobs\":[{\"id\":\"a\",\"lifetime\":5}]}", "cfg"))
                .hasMessageStartingWith("cfg: unknown field 'jobs[0].lifetime'; allowed here: context, id, lifetimeSeconds");
    }

    @Test
    void theDefaultIsSixHoursTenMinutes() {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
        try (GitHubOidcEmulator github = GitHubOidcEmulator.builder().clock(clock).keyCount(1).build().start()) {
            assertThat(Duration.between(clock.instant(), github.defaultJob().requestTokenExpiresAt()))
                    .isEqualTo(Duration.ofHours(6).plusMinutes(10));
        }
    }
}
