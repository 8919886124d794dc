package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com\"},"
            + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
            + "{\"token.actions.githubusercontent.com:sub\":\"repo:octo-org/octo-repo:*\"}}}]}";
    private static final String ROLE = "\"roleArn\":\"arn:aws:iam::123456789012:role/GitHubActionsRole\"";

    @TempDir
    Path dir;

    private static String line(String policyJson, String sub) {
        return "{\"policy\":" + policyJson + ",\"claims\":{\"sub\":\"" + sub + "\",\"aud\":\"sts.amazonaws.com\","
                + "\"iss\":\"https://token.actions.githubusercontent.com\"}," + ROLE + ",\"sessionName\":\"ci\",\"extra\":1}";
    }

    private List<JsonNode> run(CliRun run) {
        return run.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).collect(Collectors.toList());
    }

    @Test
    void goodBadAndDeniedLinesGiveOneResultEachInOrder() throws Exception {
        Path batch = Files.write(dir.resolve("requests.jsonl"), List.of(
                line(POLICY, "repo:octo-org/octo-repo:ref:refs/heads/main"),
                "{\"policy\": {\"Statement\": 5}, \"claims\": {}}",
                line(JSON.writeValueAsString(POLICY), "repo:evil-org/octo-repo:ref:refs/heads/main"),
                "this is not json",
                "",
                line(POLICY, "repo:octo-org/octo-repo:pull_request")));

        CliRun run = CliRun.of("trust", "eval", "--batch", batch.toString());

        List<JsonNode> results = run(run);
        assertThat(results).hasSize(6);
        assertThat(results).extracting(r -> r.get("line").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(results.get(0).get("decision").asText()).isEqualTo("ALLOW");
        assertThat(results.get(1).get("error").asText()).contains("$.Statement");
        assertThat(results.get(2).get("decision").asText()).isEqualTo("IMPLICIT_DENY");
        assertThat(results.get(3).get("error").asText()).startsWith("invalid JSON");
        assertThat(results.get(4).get("error").asText()).contains("empty line");
        assertThat(results.get(5).get("decision").asText()).isEqualTo("ALLOW");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void linesWithoutPolicyUseTheCommandLinePolicyAndAllGoodLinesExitZero() throws Exception {
        Path batch = Files.write(dir.resolve("requests.jsonl"), List.of(
                "{\"claims\":{\"sub\":\"repo:octo-org/octo-repo:ref:refs/tags/v1\",\"aud\":\"sts.amazonaws.com\"}}",
                "{\"claims\":{\"sub\":\"repo:octo-org/octo-repo:ref:refs/tags/v1\",\"aud\":\"sts.amazonaws.com\"},"
                        + "\"issuer\":\"https://token.actions.githubusercontent.com/acme\"}"));

        CliRun run = CliRun.of("trust", "eval", "--batch", batch.toString(), "--policy", CliRun.resource("policy.json"),
                "--role-arn", "arn:aws:iam::123456789012:role/GitHubActionsRole");

        assertThat(run(run)).extracting(r -> r.get("decision").asText()).containsExactly("ALLOW", "IMPLICIT_DENY");
        assertThat(run.exit()).isEqualTo(0);
    }

    @Test
    void missingBatchFileIsOneLineExitTwo() {
        CliRun run = CliRun.of("trust", "eval", "--batch", dir.resolve("none.jsonl").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
    }
}
