package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * eval, explore and lint answer as AWS would for a policy IAM refuses at save time: one no role can hold is an input
 * error; one IAM refuses only for its non-retroactive GitHub guardrail is answered, marked legacy, as STS answers
 * for roles created before 2025-06-06.
 */
class TrustIamVerdictTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String K = "token.actions.githubusercontent.com";
    private static final String CLAIMS = "{\"sub\":\"repo:octo-org/octo-repo:ref:refs/heads/main\",\"aud\":\"sts.amazonaws.com\"}";

    @TempDir
    Path dir;

    private static String policy(String extra, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"," + extra
                + "\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/" + K + "\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{" + condition + "}}]}";
    }

    private static final String SUB = "\"StringLike\":{\"" + K + ":sub\":\"repo:octo-org/octo-repo:*\"}";
    private static final String RESOURCE = policy("\"Resource\":\"*\",", SUB);
    private static final String UNKNOWN_OPERATOR = policy("", SUB + ",\"StringFoo\":{\"" + K + ":ref\":\"refs/heads/main\"}");

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    private CliRun eval(Path policy, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("trust", "eval", "--policy", policy.toString(),
                "--claims", file("claims.json", CLAIMS).toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    @Test
    void evalOfAPolicyWithResourceIsExitTwoWithAwsMessageAndPath() throws Exception {
        Path policy = file("resource.json", RESOURCE);

        CliRun run = eval(policy);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(policy.toString()) + ":\\d+:\\d+: "
                + java.util.regex.Pattern.quote("IAM refuses this policy (MalformedPolicyDocument at "
                + "$.Statement[0].Resource): Has prohibited field Resource"));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void evalOfAnUnknownOperatorIsExitTwoNotADeny() throws Exception {
        CliRun run = eval(file("operator.json", UNKNOWN_OPERATOR), "--format", "json");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("(MalformedPolicyDocument at $.Statement[0].Condition.StringFoo[\"" + K
                + ":ref\"]): Invalid Condition type : StringFoo");
    }

    @Test
    void advisoriesAreWarningsInTextAndAViolationsArrayInJsonWithoutChangingTheDecision() throws Exception {
        Path policy = file("duplicate.json", policy("\"Sid\":\"a\",\"Sid\":\"b\",", SUB));

        CliRun text = eval(policy);
        CliRun json = eval(policy, "--format", "json");

        assertThat(text.exit()).isEqualTo(0);
        assertThat(text.out()).contains("warning: $.Statement[0].Sid: Duplicate JSON key \"Sid\"").contains("ALLOW");
        assertThat(json.exit()).isEqualTo(0);
        JsonNode out = JSON.readTree(json.out());
        assertThat(out.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(out.get("violations")).hasSize(1);
        assertThat(out.get("violations").get(0).get("path").asText()).isEqualTo("$.Statement[0].Sid");
    }

    @Test
    void cleanPolicyHasAnEmptyViolationsArray() throws Exception {
        CliRun run = eval(Path.of(CliRun.resource("policy.json")), "--format", "json");

        assertThat(run.exit()).isEqualTo(0);
        assertThat(JSON.readTree(run.out()).get("violations")).isEmpty();
    }

    @Test
    void batchLinesWithRefusedPoliciesAreErrorsNamingTheRefusal() throws Exception {
        Path batch = file("requests.jsonl", String.join("\n",
                "{\"policy\":" + RESOURCE + ",\"claims\":" + CLAIMS + "}",
                "{\"policy\":" + UNKNOWN_OPERATOR + ",\"claims\":" + CLAIMS + "}",
                "{\"policy\":" + policy("\"Sid\":\"a\",\"Sid\":\"b\",", SUB) + ",\"claims\":" + CLAIMS + "}"));

        CliRun run = CliRun.of("trust", "eval", "--batch", batch.toString());

        List<String> lines = run.out().lines().toList();
        assertThat(JSON.readTree(lines.get(0)).get("error").asText())
                .isEqualTo("policy: IAM refuses this policy (MalformedPolicyDocument at $.Statement[0].Resource): "
                        + "Has prohibited field Resource");
        assertThat(JSON.readTree(lines.get(1)).get("error").asText()).contains("Invalid Condition type : StringFoo");
        JsonNode advised = JSON.readTree(lines.get(2));
        assertThat(advised.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(advised.get("violations").get(0).get("message").asText()).startsWith("Duplicate JSON key \"Sid\"");
        assertThat(run.exit()).isEqualTo(2);
    }

    @Test
    void batchWithARefusedCommandLinePolicyIsExitTwoBeforeAnyLine() throws Exception {
        Path batch = file("requests.jsonl", "{\"claims\":" + CLAIMS + "}\n");

        CliRun run = CliRun.of("trust", "eval", "--batch", batch.toString(), "--policy", file("r.json", RESOURCE).toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("Has prohibited field Resource");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void exploreOfARefusedPolicyIsExitTwo() throws Exception {
        CliRun run = CliRun.of("trust", "explore", "--policy", file("o.json", UNKNOWN_OPERATOR).toString(),
                "--repository", "octo-org/octo-repo");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("IAM refuses this policy").contains("Invalid Condition type : StringFoo");
    }

    @Test
    void exploreShowsAdvisoriesAsWarningsAndInJson() throws Exception {
        Path policy = file("d.json", policy("\"Sid\":\"a\",\"Sid\":\"b\",", SUB));

        CliRun text = CliRun.of("trust", "explore", "--policy", policy.toString(), "--repository", "octo-org/octo-repo");
        CliRun json = CliRun.of("trust", "explore", "--policy", policy.toString(), "--repository", "octo-org/octo-repo",
                "--format", "json");

        assertThat(text.exit()).isEqualTo(0);
        assertThat(text.out()).startsWith("warning: $.Statement[0].Sid: Duplicate JSON key");
        assertThat(JSON.readTree(json.out()).get("violations").get(0).get("path").asText()).isEqualTo("$.Statement[0].Sid");
    }

    @Test
    void lintReportsTheRefusalAsAnErrorFinding() throws Exception {
        CliRun run = CliRun.of("trust", "lint", "--policy", file("r.json", RESOURCE).toString(), "--fail-on", "error");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR GHA028 $.Statement[0].Resource")
                .contains("IAM refuses this policy with MalformedPolicyDocument: \"Has prohibited field Resource\"");
    }

    private static final String AUD_ONLY = policy("", "\"StringEquals\":{\"" + K + ":aud\":\"sts.amazonaws.com\"}");
    private static final String OTHER_ORG = "{\"sub\":\"repo:evil-org/x:ref:refs/heads/main\",\"aud\":\"sts.amazonaws.com\"}";

    @Test
    void evalOfALegacyPolicyAnswersWithTheLegacyWarning() throws Exception {
        Path policy = file("aud-only.json", AUD_ONLY);
        Path claims = file("other.json", OTHER_ORG);

        CliRun text = CliRun.of("trust", "eval", "--policy", policy.toString(), "--claims", claims.toString());
        CliRun json = CliRun.of("trust", "eval", "--policy", policy.toString(), "--claims", claims.toString(),
                "--format", "json");

        assertThat(text.exit()).as(text.err()).isEqualTo(0);
        assertThat(text.out()).contains("warning: $.Statement[0]: IAM refuses to save this policy since 2025-06-06; a role "
                + "created before then keeps it and STS evaluates it as shown (IAM today: MalformedPolicyDocument: Trust "
                + "policy with trusted principal").contains("ALLOW");
        JsonNode out = JSON.readTree(json.out());
        assertThat(out.get("decision").asText()).isEqualTo("ALLOW");
        assertThat(out.get("legacy").asBoolean()).isTrue();
        assertThat(out.get("violations").get(0).get("legacy").asBoolean()).isTrue();
    }

    @Test
    void requireSaveableRestoresTheRefusal() throws Exception {
        Path policy = file("aud-only.json", AUD_ONLY);

        CliRun run = CliRun.of("trust", "eval", "--policy", policy.toString(), "--claims",
                file("other.json", OTHER_ORG).toString(), "--require-saveable");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(policy.toString()) + ":\\d+(:\\d+)?: "
                + java.util.regex.Pattern.quote("IAM refuses this policy (MalformedPolicyDocument at $.Statement[0]): "
                + "Trust policy with trusted principal")).contains("(refused with --require-saveable;");
    }

    @Test
    void exploreOfALegacyPolicyShowsEveryRepositoryGettingIn() throws Exception {
        CliRun run = CliRun.of("trust", "explore", "--policy", file("aud-only.json", AUD_ONLY).toString(),
                "--repository", "octo-org/octo-repo", "--format", "json");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        JsonNode out = JSON.readTree(run.out());
        assertThat(out.get("legacy").asBoolean()).isTrue();
        assertThat(run.out()).contains("other-org");
        for (JsonNode result : out.get("results")) {
            if (result.get("case").asText().equals("other-org")) {
                assertThat(result.get("decision").asText()).isEqualTo("ALLOW");
            }
        }
    }

    @Test
    void lintSaysExistingRolesKeepALegacyPolicy() throws Exception {
        CliRun run = CliRun.of("trust", "lint", "--policy", file("aud-only.json", AUD_ONLY).toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("ERROR GHA028 $.Statement[0]")
                .contains("creating a role with it, or any update of a role's trust policy, is refused; a role created "
                        + "before then keeps it and STS still lets in every workflow it allows")
                .doesNotContain("no role can trust it");
    }
}
