package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TrustLintExploreCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void lintFlagsPullRequestExposureWithItsFixAndExitsOne() {
        CliRun run = CliRun.of("trust", "lint", "--policy", CliRun.resource("policy.json"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("WARNING GHA004 $.Statement[0].Condition.StringLike[\"token.actions.githubusercontent.com:sub\"]")
                .contains("fix: pin what may deploy: \"StringEquals\": {\"token.actions.githubusercontent.com:sub\": "
                        + "\"repo:octo-org/octo-repo:ref:refs/heads/main\"}");
    }

    @Test
    void hardenedPolicyPassesLint() {
        CliRun run = CliRun.of("trust", "lint", "--policy", CliRun.resource("policy-hardened.json"));

        assertThat(run.exit()).as(run.out()).isEqualTo(0);
    }

    @Test
    void failOnErrorIgnoresWarningsAndJsonListsFindings() throws Exception {
        CliRun run = CliRun.of("trust", "lint", "--policy", CliRun.resource("terraform-plan.json"), "--fail-on", "error",
                "--format", "json");

        assertThat(run.exit()).isEqualTo(0);
        JsonNode findings = JSON.readTree(run.out()).get("findings");
        assertThat(findings.findValuesAsText("id")).contains("GHA004", "GHA017", "GHA018");
    }

    @Test
    void templateWithoutItsParametersIsExitTwoNamingThemWhileTheAccountHasItsDefault() {
        CliRun run = CliRun.of("trust", "lint", "--policy", CliRun.resource("github-actions-role.yaml"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("uses names with no value: GitHubOrg, GitHubRepo;");
    }

    @Test
    void exploreShowsWhichContextsGetInAsATable() {
        CliRun run = CliRun.of("trust", "explore", "--policy", CliRun.resource("github-actions-role.yaml"),
                "--param", "GitHubOrg=octo-org", "--param", "GitHubRepo=octo-repo", "--param", "AWS::AccountId=123456789012",
                "--repository", "octo-org/octo-repo");

        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        assertThat(run.out().lines().filter(l -> l.startsWith("pull-request ")).findFirst().orElseThrow()).contains("ALLOW");
        assertThat(run.out().lines().filter(l -> l.startsWith("other-org ")).findFirst().orElseThrow()).contains("IMPLICIT_DENY");
    }

    @Test
    void exploreAsJson() throws Exception {
        CliRun run = CliRun.of("trust", "explore", "--policy", CliRun.resource("policy-hardened.json"),
                "--repository", "octo-org/octo-repo", "--environment", "prod", "--format", "json");

        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("roleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/explored-role");
        assertThat(report.get("results").findValuesAsText("case")).contains("environment-prod", "push-default-branch");
    }

    @Test
    void otherAudienceRowCarriesTheStsCaveatInTextAndJson() throws Exception {
        CliRun text = CliRun.of("trust", "explore", "--policy", CliRun.resource("policy.json"), "--repository", "octo-org/octo-repo");
        CliRun json = CliRun.of("trust", "explore", "--policy", CliRun.resource("policy.json"), "--repository", "octo-org/octo-repo",
                "--format", "json");

        java.util.List<String> lines = text.out().lines().toList();
        int row = lines.indexOf(lines.stream().filter(l -> l.startsWith("other-audience ")).findFirst().orElseThrow());
        assertThat(lines.get(row)).contains("ALLOW");
        assertThat(lines.get(row + 2)).contains("note: STS refuses audience https://github.com/octo-org before reading "
                + "this policy unless the role's OIDC provider lists it as a client ID");
        JsonNode rows = JSON.readTree(json.out()).get("results");
        for (JsonNode r : rows) {
            if (r.get("case").asText().equals("other-audience")) {
                assertThat(r.get("note").asText()).startsWith("STS refuses audience https://github.com/octo-org");
            } else {
                assertThat(r.get("note").isNull()).as(r.get("case").asText()).isTrue();
            }
        }
    }

    @Test
    void exploreNeedsOwnerSlashRepository() {
        CliRun run = CliRun.of("trust", "explore", "--policy", CliRun.resource("policy.json"), "--repository", "octo-repo");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("repository must be OWNER/REPO");
    }

    @Test
    void exploreWithoutRepositoryIsAUsageError() {
        CliRun run = CliRun.of("trust", "explore", "--policy", CliRun.resource("policy.json"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("--repository");
    }
}
