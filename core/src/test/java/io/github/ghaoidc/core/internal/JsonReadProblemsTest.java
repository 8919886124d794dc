package io.github.ghaoidc.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Jackson's real read errors, said in the project's words: what was wrong, where, and never a Java name. */
class JsonReadProblemsTest {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static Stream<Arguments> inputs() {
        return Stream.of(
                Arguments.of("/* comment */ {}", "a comment, which JSON does not allow at line 1, column 1"),
                Arguments.of("[".repeat(1200) + "]".repeat(1200), "nested deeper than 1000 levels, the most allowed"),
                Arguments.of("{'id': 1}", "a single quote; JSON strings and member names use double quotes at line 1, column 2"),
                Arguments.of("{\"a\": 1,}", "unexpected character '}'; expected a member name in double quotes at line 1, column 9"),
                Arguments.of("{\"a\" 1}", "unexpected character '1'; expected ':' after a member name at line 1, column 6"),
                Arguments.of("{\"a\": 1", "the JSON ends too early (an object, array or string is not closed) at line 1, column 8"),
                Arguments.of("{\"a\": nope}", "unexpected text 'nope' where a JSON value (string, number, object, array, "
                        + "true, false or null) belongs at line 1, column 7"),
                Arguments.of("{\"a\": 1, \"a\": 2}", "member \"a\" given twice in one object at line 1, column 13"),
                Arguments.of("{\"a\": NaN}", "NaN or Infinity, which JSON does not allow at line 1, column 10"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void readErrorsAreSaidInTheProjectsWords(String json, String expected) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class, () -> STRICT.readTree(json));

        String message = JsonReadProblems.describe(e);

        assertThat(message).isEqualTo(expected);
        assertThat(message).doesNotContain("Jackson", "StreamReadConstraints", "Feature", "ALLOW_", "line -1",
                "java.", "`");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outOfRange")
    void aNumberOutOfRangeNamesTheRangeNotAJavaType(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> STRICT.readValue(json, Holder.class));

        String message = JsonReadProblems.describe(JsonReadProblems.readProblem(e));

        assertThat(message).startsWith("a number out of range (a whole number from -9223372036854775808 to "
                + "9223372036854775807)").doesNotContain("long").doesNotContain("line -1");
    }

    static Stream<String> outOfRange() {
        return Stream.of("{\"value\": 99999999999999999999999}", "{\"value\": -99999999999999999999999}");
    }

    /** A target with a whole-number field. */
    static final class Holder {
        public long value;
    }
}
