package io.github.ghaoidc.emulator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.issuer.IssuerMode;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private static EmulatorConfig parse(String json) {
        return ConfigLoader.parse(json, "cfg");
    }

    @Test
    void fullConfigIsAccepted() {
        EmulatorConfig c = parse("{\"server\":{\"host\":\"127.0.0.1\",\"port\":0},"
                + "\"issuer\":{\"url\":\"https://token.actions.githubusercontent.com/octo-ent\",\"jwksLayout\":\"per-slug\"},"
                + "\"tokens\":{\"lifetimeSeconds\":600,\"notBeforeSkewSeconds\":600},\"keys\":{\"count\":3},"
                + "\"defaultJob\":{\"repository\":\"octo-org/app\",\"branch\":\"main\"},"
                + "\"jobs\":[{\"id\":\"deploy\",\"context\":{\"repository\":\"octo-org/app\",\"environment\":\"prod\","
                + "\"subject\":{\"includeClaimKeys\":[\"repo\",\"context\"]}}}]}");
        ConfigApplier applier = new ConfigApplier(c, null);
        assertThat(applier.defaultContext().repository()).isEqualTo("octo-org/app");
        assertThat(ConfigApplier.issuerMode(c.issuer())).isEqualTo(IssuerMode.enterprise("octo-ent", IssuerMode.JwksLayout.PER_SLUG));
        assertThat(applier.applyTo(GitHubOidcEmulator.builder())).isNotNull();
    }

    @Test
    void unknownSectionNamesTheAllowedOnes() {
        assertThatThrownBy(() -> parse("{\"policies\":[]}")).isInstanceOf(ConfigException.class)
                .hasMessage("cfg: unknown section 'policies'; allowed: server, issuer, tokens, keys, defaultJob, jobs, "
                        + "aws, providers, roles");
    }

    @Test
    void unknownFieldNamesItsPathAndTheAllowedFields() {
        assertThatThrownBy(() -> parse("{\"jobs\":[{\"id\":\"a\",\"context\":{\"refs\":\"x\"}}]}"))
                .hasMessageStartingWith("cfg: unknown field 'jobs[0].context.refs'; allowed here: actor, actorId, baseRef");
    }

    @Test
    void wrongTypeNamesTheFieldAndType() {
        assertThatThrownBy(() -> parse("{\"server\":{\"port\":\"eighty\"}}"))
                .hasMessage("cfg: field 'server.port' must be a whole number, got: eighty");
    }

    @Test
    void badValueInContextNamesTheField() {
        assertThatThrownBy(() -> parse("{\"defaultJob\":{\"repository\":\"nope\"}}"))
                .hasMessage("cfg: defaultJob.repository must be OWNER/REPO like octo-org/app, got: 'nope'");
    }

    @Test
    void badJwksLayoutListsAllowedValues() {
        assertThatThrownBy(() -> parse("{\"issuer\":{\"url\":\"self\",\"jwksLayout\":\"flat\"}}"))
                .hasMessage("cfg: issuer.jwksLayout must be root or per-slug, got: 'flat'");
    }

    @Test
    void reservedAndDuplicateJobIdsAreRefused() {
        assertThatThrownBy(() -> parse("{\"jobs\":[{\"id\":\"default\"}]}")).hasMessageContaining("'default' is reserved");
        assertThatThrownBy(() -> parse("{\"jobs\":[{\"id\":\"a\"},{\"id\":\"a\"}]}")).hasMessage("cfg: jobs[1].id 'a' is used twice");
    }

    @Test
    void invalidJsonGivesPosition() {
        assertThatThrownBy(() -> parse("{\"server\": }")).hasMessageStartingWith("cfg: not valid JSON at line 1, column");
    }

    @Test
    void nonObjectIsRefused() {
        assertThatThrownBy(() -> parse("[]")).hasMessageStartingWith("cfg: must be a JSON object with sections");
    }
}
