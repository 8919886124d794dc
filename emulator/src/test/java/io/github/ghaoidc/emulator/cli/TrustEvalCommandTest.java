package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustEvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RSAKey key;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateKey() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test").generate();
    }

    private Path claims(WorkflowContext context) throws Exception {
        Map<String, Object> claims = GitHubClaims.builder().context(context).audience("sts.amazonaws.com").build().asMap();
        return Files.writeString(dir.resolve("claims-" + System.nanoTime() + ".json"), JSON.writeValueAsString(claims));
    }

    private static String token(WorkflowContext context) throws Exception {
        Map<String, Object> claims = GitHubClaims.builder().context(context).audience("sts.amazonaws.com").build().asMap();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(),
                JWTClaimsSet.parse(claims));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void pushOfTheTrustedRepositoryIsAllowedWithExitZero() throws Exception {
        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy.json"),
                "--claims", claims(WorkflowContext.push("octo-org/octo-repo", "feature-x")).toString(),
                "--role-arn", "arn:aws:iam::123456789012:role/GitHubActionsRole");

        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("ALLOW");
    }

    @Test
    void otherRepositoryIsDeniedWithExitOneAndJsonSaysWhy() throws Exception {
        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy.json"), "--format", "json",
                "--claims", claims(WorkflowContext.push("octo-org/other-repo", "main")).toString(),
                "--role-arn", "arn:aws:iam::123456789012:role/GitHubActionsRole");

        assertThat(run.exit()).isEqualTo(1);
        JsonNode explanation = JSON.readTree(run.out());
        assertThat(explanation.get("decision").asText()).isEqualTo("IMPLICIT_DENY");
        assertThat(run.out()).contains("repo:octo-org/other-repo:ref:refs/heads/main");
    }

    @Test
    void tokenIsDecodedWithoutVerificationSaysSoAndIsNeverPrinted() throws Exception {
        String token = token(WorkflowContext.pullRequest("octo-org/octo-repo", 7));

        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy-hardened.json"), "--token", token,
                "--role-arn", "arn:aws:iam::123456789012:role/GitHubActionsRole");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("WITHOUT signature verification");
        assertThat(run.out()).contains("repo:octo-org/octo-repo:pull_request");
        assertThat(run.out() + run.err()).doesNotContain(token).doesNotContain(token.split("\\.")[2]);
    }

    @Test
    void cloudFormationTemplateTakesParametersAndTheAccountFromTheRoleArn() throws Exception {
        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("github-actions-role.yaml"),
                "--param", "GitHubOrg=octo-org", "--param", "GitHubRepo=octo-repo",
                "--claims", claims(WorkflowContext.pullRequest("octo-org/octo-repo", 3)).toString(),
                "--role-arn", "arn:aws:iam::123456789012:role/GitHubActionsRole");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("github-actions-role.yaml: Resources.GitHubActionsRole");
    }

    @Test
    void terraformPlanIsRead() throws Exception {
        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("terraform-plan.json"),
                "--claims", claims(WorkflowContext.tag("octo-org/octo-repo", "v1.0.0")).toString(),
                "--role-arn", "arn:aws:iam::123456789012:role/GitHubActionsRole");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("module.github_oidc.aws_iam_role.github_actions");
    }

    @Test
    void missingPolicyFileIsOneLineAndExitTwo() throws Exception {
        Path missing = dir.resolve("nope.json");

        CliRun run = CliRun.of("trust", "eval", "--policy", missing.toString(),
                "--claims", claims(WorkflowContext.defaults()).toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains(missing + ": no such file");
    }

    @Test
    void invalidPolicyJsonIsOneLineAndExitTwo() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"Version\":\"2012-10-17\",\"Statement\":[");

        CliRun run = CliRun.of("trust", "eval", "--policy", bad.toString(), "--claims", claims(WorkflowContext.defaults()).toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("bad.json: invalid JSON at line 1, column 38: the JSON ends too early")
                .doesNotContain("[Source");
    }

    @Test
    void unknownOutputFormatIsOneLineAndExitTwo() throws Exception {
        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy.json"), "--format", "xml",
                "--claims", claims(WorkflowContext.defaults()).toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("--format").contains("text, json");
    }

    @Test
    void unknownPolicyFormatIsOneLineAndExitTwo() throws Exception {
        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy.json"), "--policy-format", "yaml",
                "--claims", claims(WorkflowContext.defaults()).toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("unknown policy format 'yaml'; allowed: json, cloudformation, terraform, hcl");
    }

    @Test
    void garbageTokenIsRefusedWithoutEchoingIt() {
        String garbage = "not-a-jwt-secretish-value";

        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy.json"), "--token", garbage);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--token is not a JWT").doesNotContain(garbage);
    }

    @Test
    void missingTokenAndClaimsIsExitTwo() {
        CliRun run = CliRun.of("trust", "eval", "--policy", CliRun.resource("policy.json"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("give --token JWT or --claims FILE");
    }
}
