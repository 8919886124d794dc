package io.github.ghaoidc.emulator.config;

import io.github.ghaoidc.emulator.config.internal.ConfigApplier;
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
                .hasMessage("cfg: field 'server.port' must be a whole number, got: 'eighty'");
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
    void aNumberIsNotCoercedToAString() {
        assertThatThrownBy(() -> parse("{\"issuer\":{\"url\":5}}")).isInstanceOf(ConfigException.class)
                .hasMessage("cfg: field 'issuer.url' must be a string, got: 5");
    }

    @Test
    void aStringIsNotCoercedToANumber() {
        assertThatThrownBy(() -> parse("{\"server\":{\"port\":\"8080\"}}")).isInstanceOf(ConfigException.class)
                .hasMessage("cfg: field 'server.port' must be a whole number, got: '8080'");
    }

    @Test
    void aFractionIsNotTruncatedToAWholeNumber() {
        assertThatThrownBy(() -> parse("{\"tokens\":{\"lifetimeSeconds\":1.5}}")).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cfg: field 'tokens.lifetimeSeconds' must be a whole number");
    }

    @Test
    void aBooleanIsNotCoercedToAString() {
        assertThatThrownBy(() -> parse("{\"defaultJob\":{\"repository\":true}}")).isInstanceOf(ConfigException.class)
                .hasMessage("cfg: field 'defaultJob.repository' must be a string, got: true");
    }

    @Test
    void anArrayInsteadOfTheConfigObjectSaysSoWithoutJavaNames() {
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(ConfigException.class)
                .hasMessage("cfg: expected a JSON object with sections server, issuer, tokens, keys, defaultJob, jobs, "
                        + "aws, providers, roles, got an array");
    }

    @Test
    void typeErrorsNeverNameJavaClasses() {
        for (String json : new String[] {"{\"jobs\":{}}", "{\"jobs\":[[]]}", "{\"defaultJob\":[]}", "{\"server\":{\"port\":[1]}}",
                "{\"keys\":{\"count\":{}}}", "{\"defaultJob\":{\"subject\":5}}"}) {
            assertThatThrownBy(() -> parse(json)).isInstanceOf(ConfigException.class)
                    .message().doesNotContain("java.", "io.github", "$", "`", "JsonToken");
        }
    }

    @Test
    void adminBodyThatIsAnArrayIsNamedAsSuch() {
        assertThatThrownBy(() -> ConfigLoader.read("[]", EmulatorConfig.Keys.class, "request body"))
                .isInstanceOf(ConfigException.class).hasMessage("request body: expected a JSON object, got an array");
    }
}
