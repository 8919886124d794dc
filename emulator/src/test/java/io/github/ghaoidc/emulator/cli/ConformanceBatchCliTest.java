package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every vector of the subvectors github-aws suite (core's test resources, with its NOTICE) through
 * {@code trust eval --batch}, as a user would run the suite: one JSON line per vector, each answered with the
 * decision AWS gives, none with an error, even where IAM would no longer let the policy be saved.
 */
class ConformanceBatchCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "token.actions.githubusercontent.com";
    private static final Path SUITE = Path.of("..", "core", "src", "test", "resources", "conformance", "subvectors",
            "github-aws.json");

    @TempDir
    Path dir;

    @Test
    void everyVectorGetsItsExpectedDecisionThroughTheCli() throws Exception {
        JsonNode vectors = JSON.readTree(SUITE.toFile()).get("vectors");
        List<String> lines = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (JsonNode v : vectors) {
            ObjectNode line = JSON.createObjectNode();
            line.put("policy", policyFor(v.get("condition")));
            ObjectNode claims = line.putObject("claims");
            if (v.has("claims")) {
                v.get("claims").fields().forEachRemaining(e -> claims.put(e.getKey(), e.getValue().asText()));
            } else {
                claims.put("sub", v.get("subject").asText());
            }
            line.put("issuer", "https://" + PREFIX);
            lines.add(line.toString());
            expected.add(v.get("id").asText() + " " + (v.get("expect").asText().equals("match") ? "ALLOW" : "IMPLICIT_DENY"));
        }
        Path batch = Files.write(dir.resolve("vectors.jsonl"), lines);

        CliRun run = CliRun.of("trust", "eval", "--batch", batch.toString());

        List<String> got = new ArrayList<>();
        List<String> out = run.out().lines().toList();
        assertThat(out).hasSize(56);
        for (int i = 0; i < out.size(); i++) {
            JsonNode answer = JSON.readTree(out.get(i));
            assertThat(answer.has("error")).as("line %d: %s", i + 1, answer).isFalse();
            got.add(vectors.get(i).get("id").asText() + " " + answer.get("decision").asText());
        }
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(run.exit()).as(run.err()).isZero();
    }

    @Test
    void legacyVectorsAreMarkedAndRefusedWithRequireSaveable() throws Exception {
        String audOnly = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::123456789012:oidc-provider/" + PREFIX + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
                + "\"Condition\":{\"StringLike\":{\"" + PREFIX + ":sub\":\"*\"}}}]}";
        String line = JSON.createObjectNode().put("policy", audOnly).set("claims",
                JSON.createObjectNode().put("sub", "repo:evil/x:ref:refs/heads/main").put("aud", "sts.amazonaws.com"))
                .toString();
        Path batch = Files.writeString(dir.resolve("legacy.jsonl"), line + "\n");

        JsonNode lenient = JSON.readTree(CliRun.of("trust", "eval", "--batch", batch.toString()).out());
        JsonNode strict = JSON.readTree(CliRun.of("trust", "eval", "--batch", batch.toString(), "--require-saveable").out());

        assertThat(lenient.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(lenient.get("legacy").asBoolean()).isTrue();
        assertThat(lenient.get("violations").get(0).get("legacy").asBoolean()).isTrue();
        assertThat(lenient.get("violations").get(0).get("message").asText()).startsWith("IAM refuses to save this policy "
                + "since 2025-06-06; a role created before then keeps it and STS evaluates it as shown");
        assertThat(strict.get("error").asText()).startsWith("policy: IAM refuses this policy (MalformedPolicyDocument at "
                + "$.Statement[0]): Trust policy with trusted principal");
    }

    private static String policyFor(JsonNode condition) {
        ObjectNode conditionBlock = JSON.createObjectNode();
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
            keys.set(PREFIX + ":" + part.get("claim").asText(), part.get("pattern"));
        }
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Effect", "Allow");
        statement.putObject("Principal").put("Federated", "arn:aws:iam::123456789012:oidc-provider/" + PREFIX);
        statement.put("Action", "sts:AssumeRoleWithWebIdentity");
        statement.set("Condition", conditionBlock);
        ObjectNode policy = JSON.createObjectNode();
        policy.put("Version", "2012-10-17");
        policy.putArray("Statement").add(statement);
        return policy.toString();
    }
}
