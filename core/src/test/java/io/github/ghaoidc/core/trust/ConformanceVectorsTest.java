package io.github.ghaoidc.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every vector of the subvectors github-aws suite (CC0, copied into test resources with its NOTICE):
 * a trust policy trusting GitHub's provider with the vector's condition(s) must match exactly when the
 * vector says AWS matches.
 */
class ConformanceVectorsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = "token.actions.githubusercontent.com";
    private static final String PROVIDER = "arn:aws:iam::123456789012:oidc-provider/" + PREFIX;

    static Stream<Arguments> vectors() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode v : suite().get("vectors")) {
            out.add(Arguments.of(v.get("id").asText(), v));
        }
        return out.stream();
    }

    private static JsonNode suite() throws IOException {
        try (InputStream in = ConformanceVectorsTest.class.getResourceAsStream("/conformance/subvectors/github-aws.json")) {
            return MAPPER.readTree(in);
        }
    }

    @Test
    void suiteHasAllFiftySixVectors() throws IOException {
        assertThat(suite().get("vectors")).hasSize(56);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorGivesItsExpectedResult(String id, JsonNode vector) throws IOException {
        TrustPolicy policy = TrustPolicy.parse(policyFor(vector.get("condition")));
        Map<String, Object> claims = new LinkedHashMap<>();
        if (vector.has("claims")) {
            vector.get("claims").fields().forEachRemaining(e -> claims.put(e.getKey(), e.getValue().asText()));
        } else {
            claims.put("sub", vector.get("subject").asText());
        }
        TrustRequest request = TrustRequest.builder().claims(claims).issuer("https://" + PREFIX).build();

        Decision decision = TrustEvaluator.create().evaluate(policy, request);

        Decision expected = vector.get("expect").asText().equals("match") ? Decision.ALLOW : Decision.IMPLICIT_DENY;
        assertThat(decision).as(id).isEqualTo(expected);
        assertThat(TrustEvaluator.create().explain(policy, request).decision()).as(id).isEqualTo(expected);
    }

    private static String policyFor(JsonNode condition) throws IOException {
        ObjectNode conditionBlock = MAPPER.createObjectNode();
        List<JsonNode> parts = new ArrayList<>();
        if (condition.get("consumer").asText().equals("aws-all")) {
            condition.get("of").forEach(parts::add);
        } else {
            parts.add(condition);
        }
        for (JsonNode part : parts) {
            String op = switch (part.get("consumer").asText()) {
                case "aws-stringequals" -> "StringEquals";
                case "aws-stringlike" -> "StringLike";
                default -> throw new IllegalArgumentException("unknown consumer " + part);
            };
            if (part.has("qualifier")) {
                op = part.get("qualifier").asText() + ":" + op;
            }
            ObjectNode keys = conditionBlock.has(op) ? (ObjectNode) conditionBlock.get(op) : conditionBlock.putObject(op);
            String key = PREFIX + ":" + part.get("claim").asText();
            assertThat(keys.has(key)).as("vector repeats %s under %s", key, op).isFalse();
            keys.set(key, part.get("pattern"));
        }
        ObjectNode statement = MAPPER.createObjectNode();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Federated", PROVIDER);
        statement.put("Action", "sts:AssumeRoleWithWebIdentity");
        statement.set("Condition", conditionBlock);
        ObjectNode policy = MAPPER.createObjectNode();
        policy.put("Version", "2012-10-17");
        policy.putArray("Statement").add(statement);
        return MAPPER.writeValueAsString(policy);
    }
}
