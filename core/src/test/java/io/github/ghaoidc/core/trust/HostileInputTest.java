package io.github.ghaoidc.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Malformed or hostile documents give a PolicyParseException (or a validation error), never another
 * exception. The timeouts are hang guards with generous limits, not performance assertions.
 */
class HostileInputTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private static void assertParseError(String json, String messagePart) {
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThatThrownBy(() -> TrustPolicy.parse(json))
                .isInstanceOf(PolicyParseException.class).hasMessageContaining(messagePart));
    }

    @Test
    void invalidJsonSaysWhere() {
        assertParseError("{\"Statement\": [}", "invalid JSON at line 1");
    }

    @Test
    void nonObjectDocumentsAreRefused() {
        assertParseError("[]", "expected a JSON object, got an array");
        assertParseError("\"x\"", "expected a JSON object, got a string");
        assertParseError("   ", "empty document");
        assertThatThrownBy(() -> TrustPolicy.parse(null)).isInstanceOf(PolicyParseException.class);
    }

    @Test
    void trailingContentIsRefused() {
        assertParseError("{\"Statement\":{\"Effect\":\"Allow\"}} {}", "unexpected content after the JSON object");
    }

    @Test
    void wrongTypesNameTheElement() {
        assertParseError("{\"Statement\":{\"Effect\":true}}", "$.Statement.Effect: must be a string, got a boolean");
        assertParseError("{\"Statement\":[{\"Effect\":\"Allow\"},{\"Effect\":\"allow\"}]}",
                "$.Statement[1].Effect: must be \"Allow\" or \"Deny\"");
        assertParseError("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\",7]}}",
                "$.Statement.Action[1]: must be a string, got a number");
        assertParseError("{\"Statement\":{\"Effect\":\"Allow\",\"Condition\":{\"StringEquals\":{\"a:b\":{\"x\":1}}}}}",
                "$.Statement.Condition.StringEquals[\"a:b\"]: a condition value must be a string, number or boolean");
        assertParseError("{\"Statement\":{\"Effect\":\"Allow\",\"Condition\":[]}}", "$.Statement.Condition: must be an object");
        assertParseError("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"arn:aws:iam::1:root\"}}",
                "$.Statement.Principal: a string principal must be \"*\"");
        assertParseError("{\"Statement\":{\"Effect\":\"Allow\",\"Bogus\":1}}", "$.Statement.Bogus: unknown element");
        assertParseError("{\"Statement\":7}", "$.Statement: must be an object or an array");
        assertParseError("{\"Version\":\"2012-10-17\"}", "missing Statement");
    }

    @Test
    void tenMegabyteDocumentIsRefusedQuickly() {
        String big = "{\"Statement\":{\"Sid\":\"" + "a".repeat(10 * 1024 * 1024) + "\"}}";
        assertParseError(big, "at most 262144 are accepted");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"Statement\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertParseError(deep, "nesting depth");
    }

    @Test
    void hugeArrayWithinTheSizeLimitParsesAndEvaluatesInBoundedTime() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            values.append(i == 0 ? "" : ",").append("\"repo:o/r").append(i).append(":*\"");
        }
        String json = Policies.statements(Policies.statement("Allow", "\"StringLike\":{" + Policies.key("sub")
                + ":[" + values + "]}"));
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            TrustPolicy p = TrustPolicy.parse(json);
            assertThat(p.statements().get(0).conditions().get(0).values()).hasSize(12_000);
            assertThat(Policies.decide(p, Map.of("sub", "repo:o/r11999:pull_request"))).isEqualTo(Decision.ALLOW);
        });
    }

    @Test
    void manyDuplicateKeysAreRecordedInBoundedTime() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            body.append(i == 0 ? "" : ",").append("\"Sid\":\"s").append(i).append('"');
        }
        String json = "{\"Statement\":{" + body + ",\"Effect\":\"Allow\"}}";
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            TrustPolicy p = TrustPolicy.parse(json);
            assertThat(p.duplicateKeys()).singleElement().satisfies(d -> assertThat(d.occurrences()).isEqualTo(10_000));
            assertThat(p.statements().get(0).sid()).isEqualTo("s9999");
        });
    }

    @Test
    void pathologicalWildcardPatternIsLinear() {
        String pattern = "*a".repeat(2000) + "b";
        String json = Policies.statements(Policies.statement("Allow", "\"StringLike\":{" + Policies.key("sub")
                + ":\"" + pattern + "\"}"));
        TrustPolicy p = TrustPolicy.parse(json);
        assertTimeoutPreemptively(HANG_GUARD, () -> assertThat(Policies.decide(p, Map.of("sub", "a".repeat(20_000))))
                .isEqualTo(Decision.IMPLICIT_DENY));
    }

    @Test
    void unknownOperatorIsAValidationErrorAndNeverMatches() {
        TrustPolicy p = Policies.allowWhen("\"StringEqualz\":{" + Policies.key("sub") + ":\"x\"}");
        assertThat(p.validate()).extracting(PolicyViolation::message).contains("Invalid Condition type : StringEqualz");
        assertThat(Policies.decide(p, Map.of("sub", "x"))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void hostileIpAndDateAndNumberValuesNeverThrow() {
        TrustPolicy p = Policies.allowWhen("\"IpAddress\":{\"aws:SourceIp\":[\"evil.example.com\",\"1.2.3.4/99\",\"::zz\"]},"
                + "\"DateLessThan\":{\"aws:CurrentTime\":\"tomorrow\"},\"NumericLessThan\":{\"aws:EpochTime\":\"1e999999\"}");
        TrustRequest r = TrustRequest.builder().claims(Map.of("sub", "x")).sourceIp("not an ip").build();
        assertThat(TrustEvaluator.create().evaluate(p, r)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(TrustEvaluator.create().explain(p, r).decision()).isEqualTo(Decision.IMPLICIT_DENY);
    }
}
