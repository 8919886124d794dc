package io.github.ghaoidc.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.github.ghaoidc.core.EnvironmentSource;
import org.junit.jupiter.api.Test;

class SessionNamesTest {

    @Test
    void derivesTheNameFromRunIdAttemptAndJob() {
        var env = EnvironmentSource.of(Map.of("GITHUB_RUN_ID", "27476101517", "GITHUB_RUN_ATTEMPT", "2",
                "GITHUB_JOB", "deploy"));
        assertThat(SessionNames.fromEnvironment(env)).isEqualTo("gha-27476101517-2-deploy");
    }

    @Test
    void replacesCharactersStsRejects() {
        var env = EnvironmentSource.of(Map.of("GITHUB_RUN_ID", "1", "GITHUB_JOB", "build & test/linux:x64"));
        assertThat(SessionNames.fromEnvironment(env)).isEqualTo("gha-1-build---test-linux-x64").matches("[\\w+=,.@-]{2,64}");
    }

    @Test
    void cutsToSixtyFourCharacters() {
        var env = EnvironmentSource.of(Map.of("GITHUB_RUN_ID", "1", "GITHUB_JOB", "j".repeat(100)));
        assertThat(SessionNames.fromEnvironment(env)).hasSize(64);
    }

    @Test
    void fallsBackToTheOfficialActionsDefaultOutsideActions() {
        assertThat(SessionNames.fromEnvironment(EnvironmentSource.of(Map.of()))).isEqualTo("GitHubActions");
    }
}
