package io.github.ghaoidc.core.trust.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks the linter against the judgments of the subvectors suite: a condition graded
 * "dangerous" must draw a finding of at least WARNING; a "safe" one that pins the workload must draw
 * none. Each vector's condition becomes an Allow for GitHub's provider, with {@code aud} pinned when the
 * vector does not test it.
 */
class LintJudgmentConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String K = "token.actions.githubusercontent.com";
    /** Same policy graded safe elsewhere: the danger is an environment named "Production%3AV1", not the policy. */
    private static final List<String> NOT_A_POLICY_PROPERTY = List.of("gh-aws-environment-colon-twin-collides");

    static Stream<Arguments> judged() throws Exception {
        try (InputStream in = LintJudgmentConformanceTest.class.getResourceAsStream("/conformance/subvectors/github-aws.json")) {
            List<Arguments> cases = new ArrayList<>();
            for (JsonNode vector : JSON.readTree(in).get("vectors")) {
                String grade = vector.path("judgment").path("grade").asText("");
                if ((grade.equals("dangerous") || grade.equals("safe")) && !NOT_A_POLICY_PROPERTY.contains(vector.get("id").asText())) {
                    cases.add(Arguments.of(vector.get("id").asText(), grade, vector.get("condition")));
                }
            }
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("judged")
    void findingsAgreeWithTheSuitesJudgment(String id, String grade, JsonNode condition) {
        ObjectNode block = JSON.createObjectNode();
        List<JsonNode> parts = new ArrayList<>();
        if (condition.get("consumer").asText().equals("aws-all")) {
            condition.get("of").forEach(parts::add);
        } else {
            parts.add(condition);
        }
        for (JsonNode part : parts) {
            String operator = (part.has("qualifier") ? part.get("qualifier").asText() + ":" : "")
                    + (part.get("consumer").asText().equals("aws-stringlike") ? "StringLike" : "StringEquals");
            ObjectNode keys = block.has(operator) ? (ObjectNode) block.get(operator) : block.putObject(operator);
            keys.set(K + ":" + part.get("claim").asText(), part.get("pattern"));
        }
        boolean testsAud = parts.stream().anyMatch(p -> p.get("claim").asText().equals("aud"));
        if (!testsAud) {
            (block.has("StringEquals") ? (ObjectNode) block.get("StringEquals") : block.putObject("StringEquals"))
                    .put(K + ":aud", "sts.amazonaws.com");
        }
        ObjectNode statement = JSON.createObjectNode().put("Effect", "Allow");
        statement.putObject("Principal").put("Federated", "arn:aws:iam::123456789012:oidc-provider/" + K);
        statement.put("Action", "sts:AssumeRoleWithWebIdentity").set("Condition", block);
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ((ArrayNode) policy.putArray("Statement")).add(statement);

        List<LintFinding> findings = TrustPolicyLinter.create().lint(policy.toString()).stream()
                .filter(f -> f.severity().atLeast(Severity.WARNING)).collect(Collectors.toList());
        List<String> serious = findings.stream().map(LintFinding::ruleId).collect(Collectors.toList());

        if (grade.equals("dangerous")) {
            assertThat(serious).as("warnings for %s", policy).isNotEmpty();
        } else if (parts.stream().anyMatch(p -> List.of("sub", "job_workflow_ref", "repository_id")
                .contains(p.get("claim").asText()))) {
            assertThat(serious).as("warnings for %s", policy).isEmpty();
        } else {
            // a safe condition on a claim that pins no workload (aud, environment): the condition itself fails closed
            // and draws nothing, but the policy around it pins no repository, which GHA001 reports
            assertThat(serious).as("findings for %s", policy).contains("GHA001");
            for (JsonNode part : parts) {
                String key = K + ":" + part.get("claim").asText();
                assertThat(findings).as("no finding on the safe condition %s", key)
                        .noneMatch(f -> f.path().contains("\"" + key + "\""));
            }
        }
    }

}
