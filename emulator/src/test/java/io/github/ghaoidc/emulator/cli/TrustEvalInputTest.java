package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What STS refuses is refused: session names, objects that are not a token's claims; messages in JSON terms. */
class TrustEvalInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String K = "token.actions.githubusercontent.com";
    private static final String CLAIMS = "{\"sub\":\"repo:octo-org/octo-repo:ref:refs/heads/main\",\"aud\":\"sts.amazonaws.com\"}";
    /** Allows only the session name gha-oidc-eval, so it tells whether sts:RoleSessionName is in the context. */
    private static final String SESSION_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Federated\":\"arn:aws:iam::123456789012:oidc-provider/" + K + "\"},"
            + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":{\"" + K
            + ":sub\":\"repo:octo-org/octo-repo:*\"},\"StringEquals\":{\"sts:RoleSessionName\":\"gha-oidc-eval\"}}}]}";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void oneCharacterSessionNameIsRefusedNamingTheRule() throws Exception {
        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy.json"),
                "--claims", file("c.json", CLAIMS).toString(), "--session-name", "a");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("--session-name must be 2-64 characters of letters, digits and +=,.@_-")
                .contains("got \"a\" (1 character)");
    }

    @Test
    void batchSessionNameWithSpacesIsAnErrorLine() throws Exception {
        Path batch = file("b.jsonl", "{\"claims\":" + CLAIMS + ",\"sessionName\":\"bad name with spaces!\"}\n"
                + "{\"claims\":" + CLAIMS + ",\"sessionName\":\"ci-run_42@x\"}\n");

        CliRun run = CliRun.of("trust", "eval", "--batch", batch.toString(), "--policy", CliRun.resource("policy.json"));

        List<String> lines = run.out().lines().toList();
        assertThat(JSON.readTree(lines.get(0)).get("error").asText())
                .startsWith("sessionName must be 2-64 characters").contains("bad name with spaces!");
        assertThat(JSON.readTree(lines.get(1)).get("decision").asText()).isEqualTo("ALLOW");
        assertThat(run.exit()).isEqualTo(2);
    }

    @Test
    void withoutASessionNameTheContextHoldsTheDocumentedDefault() throws Exception {
        Path policy = file("session.json", SESSION_POLICY);

        CliRun single = CliRun.of("trust", "eval", "--policy", policy.toString(), "--claims", file("c.json", CLAIMS).toString(),
                "--format", "json");
        CliRun batch = CliRun.of("trust", "eval", "--policy", policy.toString(), "--batch",
                file("b.jsonl", "{\"claims\":" + CLAIMS + "}\n").toString());
        CliRun other = CliRun.of("trust", "eval", "--policy", policy.toString(), "--claims", file("c2.json", CLAIMS).toString(),
                "--session-name", "other-name");

        assertThat(single.exit()).as(single.out()).isEqualTo(0);
        assertThat(JSON.readTree(single.out()).get("requestContext").get("sts:RoleSessionName").get(0).asText())
                .isEqualTo(SessionNames.DEFAULT);
        assertThat(JSON.readTree(batch.out()).get("decision").asText()).isEqualTo("ALLOW");
        assertThat(other.exit()).isEqualTo(1);
    }

    @Test
    void claimsFileWithoutSubIsRefusedNamingWhatIsMissing() throws Exception {
        Path notClaims = file("policy-by-mistake.json", CliRun.resourceText("policy.json"));

        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy.json"), "--claims", notClaims.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains(notClaims + ": not a token's claims: no \"sub\" claim (also missing: iss, aud)");
    }

    @Test
    void batchClaimsWithAnObjectAudienceSayAnObject() throws Exception {
        Path batch = file("b.jsonl", "{\"claims\":{\"sub\":\"repo:octo-org/octo-repo:ref:refs/heads/main\","
                + "\"aud\":{\"x\":1}}}\n");

        CliRun run = CliRun.of("trust", "eval", "--batch", batch.toString(), "--policy", CliRun.resource("policy.json"));

        assertThat(JSON.readTree(run.out()).get("error").asText())
                .isEqualTo("claim 'aud' must be a string, number, boolean or a list of them, got an object")
                .doesNotContain("LinkedHashMap");
    }

    @Test
    void garbageTokenIsExactlyOneStderrLine() {
        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy.json"), "--token", "garbage");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).doesNotContain("WITHOUT signature verification");
    }
}
