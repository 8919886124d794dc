package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust commands on Terraform configuration as written: the reference scenario in HCL, vars, refusals. */
class TrustHclCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static String mainTf() {
        return CliRun.resource("tree/tf/reference/main.tf");
    }

    @Test
    void theReferenceHclExploresExactlyAsItsPolicyJson() {
        CliRun hcl = CliRun.of("trust", "explore", "--policy", mainTf(), "--repository", "octo-org/octo-repo");
        CliRun json = CliRun.of("trust", "explore", "--policy", CliRun.resource("policy.json"),
                "--repository", "octo-org/octo-repo");

        assertThat(hcl.exit()).as(hcl.err()).isEqualTo(json.exit());
        assertThat(hcl.out()).isEqualTo(json.out());
        assertThat(line(hcl.out(), "push-default-branch ")).contains("ALLOW");
        assertThat(line(hcl.out(), "pull-request ")).contains("ALLOW");
        assertThat(line(hcl.out(), "other-org ")).contains("IMPLICIT_DENY");
    }

    @Test
    void aVarChangesWhichRepositoryGetsIn() {
        CliRun hcl = CliRun.of("trust", "explore", "--policy", mainTf(), "--repository", "octo-org/octo-repo",
                "--var", "GitHubRepo=other");

        assertThat(hcl.exit()).as(hcl.err()).isEqualTo(0);
        assertThat(line(hcl.out(), "push-default-branch ")).contains("IMPLICIT_DENY");
    }

    @Test
    void aVarFileAndTheAccountIdAreApplied() throws Exception {
        Path vars = Files.writeString(dir.resolve("prod.tfvars"), "GitHubOrg = \"acme\"\n");
        CliRun run = CliRun.of("trust", "eval", "--policy", mainTf(), "--var-file", vars.toString(),
                "--account-id", "210987654321", "--role-arn", "arn:aws:iam::210987654321:role/GitHubActionsRole",
                "--claims", claims("repo:acme/octo-repo:ref:refs/heads/main").toString(), "--format", "json");

        assertThat(run.exit()).as(run.err() + run.out()).isEqualTo(0);
        assertThat(run.out()).contains("ALLOW");
    }

    @Test
    void theRoleArnsAccountBuildsTheProviderArnUnlessAccountIdSaysOtherwise() throws Exception {
        String claims = claims("repo:octo-org/octo-repo:ref:refs/heads/main").toString();
        String arn = "arn:aws:iam::210987654321:role/GitHubActionsRole";

        CliRun fromRole = CliRun.of("trust", "eval", "--policy", mainTf(), "--claims", claims, "--role-arn", arn);
        CliRun otherAccount = CliRun.of("trust", "eval", "--policy", mainTf(), "--claims", claims, "--role-arn", arn,
                "--account-id", "123456789012");

        assertThat(fromRole.exit()).as(fromRole.err()).isEqualTo(0);
        assertThat(fromRole.out()).contains("Principal {Federated=[arn:aws:iam::210987654321:oidc-provider/"
                + "token.actions.githubusercontent.com]}");
        assertThat(otherAccount.exit()).isEqualTo(1);
        assertThat(otherAccount.out()).contains("principal: NOT matched");
    }

    @Test
    void lintNamesTheValuesLineOfMainTfFirstAndJsonCarriesFileAndLine() throws Exception {
        CliRun text = CliRun.of("trust", "lint", "--policy", mainTf());
        CliRun json = CliRun.of("trust", "lint", "--policy", mainTf(), "--format", "json");

        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out()).contains(mainTf() + ":20: WARNING GHA004 "
                + "$.Statement[0].Condition.StringLike[\"token.actions.githubusercontent.com:sub\"]");
        assertThat(Files.readAllLines(Path.of(mainTf())).get(19)).contains("values").contains("repo:${var.GitHubOrg}");
        JsonNode gha004 = findings(json.out(), "GHA004");
        assertThat(gha004.path("file").asText()).isEqualTo(mainTf());
        assertThat(gha004.path("line").asInt()).isEqualTo(20);
    }

    @Test
    void forEachIsRefusedInOneLineWithFileAndLineAndExitTwo() throws Exception {
        Files.writeString(dir.resolve("main.tf"), """
                resource "aws_iam_role" "r" {
                  for_each           = toset(["a", "b"])
                  assume_role_policy = "{}"
                }
                """);

        CliRun run = CliRun.of("trust", "lint", "--policy", dir.resolve("main.tf").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains(dir.resolve("main.tf") + ":2: for_each needs terraform plan");
    }

    @Test
    void aMalformedAccountIdIsRefusedSayingWhatIsAllowed() {
        CliRun run = CliRun.of("trust", "lint", "--policy", mainTf(), "--account-id", "12345");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("--account-id must be 12 digits, got: 12345");
    }

    @Test
    void explorationTakesOneRole() {
        CliRun run = CliRun.of("trust", "explore", "--policy", mainTf(), "--policy", CliRun.resource("policy.json"),
                "--repository", "octo-org/octo-repo");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--policy is given 2 times; this command takes one role");
    }

    private Path claims(String sub) throws Exception {
        return Files.writeString(dir.resolve("claims.json"), "{\"iss\":\"https://token.actions.githubusercontent.com\","
                + "\"aud\":\"sts.amazonaws.com\",\"sub\":\"" + sub + "\"}");
    }

    static JsonNode findings(String json, String id) throws Exception {
        for (JsonNode f : JSON.readTree(json).path("findings")) {
            if (f.path("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no " + id + " in " + json);
    }

    static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(
                "no line starting " + prefix + " in\n" + out));
    }
}
