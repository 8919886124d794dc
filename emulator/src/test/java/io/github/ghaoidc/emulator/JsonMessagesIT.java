package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.emulator.config.ConfigException;
import io.github.ghaoidc.emulator.config.ConfigLoader;
import io.github.ghaoidc.emulator.support.CliRun;
import io.github.ghaoidc.emulator.support.Http;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Bad JSON sent to the admin API, a config file and the CLI is answered in the project's words (issue 12, D5):
 * what was wrong and where, never Jackson's class, method or feature names, never "line -1".
 */
class JsonMessagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] INTERNALS = {"StreamReadConstraints", "getMaxNestingDepth", "Feature '", "ALLOW_",
        "line -1", "column -1", "java.", "`", "JsonToken", "Exception"};

    private static GitHubOidcEmulator emulator;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        emulator = GitHubOidcEmulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("/* a comment */ {}", "request body: not valid JSON at line 1, column 1: a comment, which JSON "
                        + "does not allow"),
                Arguments.of("[".repeat(1100) + "]".repeat(1100), "nested deeper than 1000 levels, the most allowed"),
                Arguments.of("{\"lifetimeSeconds\": 99999999999999999999999}", "request body: field 'lifetimeSeconds': "
                        + "a number out of range (a whole number from -9223372036854775808 to 9223372036854775807)"),
                Arguments.of("{\"id\": \"a\", \"id\": \"b\"}", "member \"id\" given twice in one object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void adminApiNamesWhatWasWrongInItsOwnWords(String body, String expected) throws Exception {
        HttpResponse<String> response = Http.send("POST", emulator.baseUrl() + "/_admin/jobs", body);

        assertThat(response.statusCode()).isEqualTo(400);
        String message = JSON.readTree(response.body()).get("message").asText();
        assertThat(message).contains(expected).doesNotContain(INTERNALS);
    }

    @Test
    void configFileWithAnOutOfRangeNumberNamesTheFieldAndTheRange() throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), "{\"jobs\": [{\"id\": \"a\", \"lifetimeSeconds\": "
                + "99999999999999999999999}]}");

        ConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.load(config));

        assertThat(e.getMessage()).contains("lifetimeSeconds").contains("a number out of range").doesNotContain(INTERNALS);
    }

    @Test
    void claimsFileWithACommentIsOneLineWithoutJacksonsWords() throws Exception {
        Path claims = Files.writeString(dir.resolve("claims.json"), "{\"sub\": \"repo:o/r:ref:refs/heads/main\" /* x */}");
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[]}");

        CliRun run = CliRun.of("trust", "eval", "--policy", policy.toString(), "--claims", claims.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).contains("not a JSON object of claims (a comment, which JSON does not allow at line 1")
                .doesNotContain(INTERNALS);
    }

    @Test
    void policyWithAnUnknownTokenIsSaidInWords() throws Exception {
        Path policy = Files.writeString(dir.resolve("bad.json"), "{\"Version\": \"2012-10-17\", \"Statement\": nope}");

        CliRun run = CliRun.of("trust", "lint", "--policy", policy.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unexpected text 'nope' where a JSON value").doesNotContain(INTERNALS);
    }
}
