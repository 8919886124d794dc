package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trust lint --dir}: a tree holding all four forms (Terraform modules, a CloudFormation template, CDK output, a
 * plan, trust-policy JSON) besides files that are not trust policies and directories that are skipped.
 */
class TrustLintTreeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] PARAMS = {"--param", "GitHubOrg=octo-org", "--param", "GitHubRepo=octo-repo"};

    @TempDir
    Path dir;

    static String tree() {
        return CliRun.resource("tree");
    }

    static CliRun lint(String... extra) {
        List<String> args = new ArrayList<>(List.of("trust", "lint", "--dir", tree()));
        args.addAll(List.of(PARAMS));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void findsEveryRoleOfTheFourFormsAndNothingElse() throws Exception {
        CliRun run = lint("--format", "json", "--fail-on", "error");

        assertThat(run.exit()).as(run.err() + run.out()).isEqualTo(0);
        JsonNode report = JSON.readTree(run.out());
        List<String> origins = report.path("policies").findValuesAsText("policy");
        String t = tree();
        assertThat(origins).containsExactly(
                t + "/tf/modules/deploy_role/main.tf:5: module.deploy.aws_iam_role.this (deploy)",
                t + "/tf/reference/main.tf:25: aws_iam_role.github_actions (GitHubActionsRole)",
                t + "/cdk.out/AppStack.template.json: Resources.DeployRole1A2B3C",
                t + "/cfn/stack.yaml: Resources.GitHubActionsRole",
                t + "/plans/plan.json: module.github_oidc.aws_iam_role.github_actions",
                t + "/policies/trust.json");
        assertThat(report.path("problems")).isEmpty();
        assertThat(run.out()).doesNotContain("permissions.json", "bucket.json", "node_modules", ".terraform",
                "package.json", "deploy.yml");
    }

    @Test
    void aLocalModuleIsReadOnceThroughItsCallerWithItsInputs() throws Exception {
        CliRun run = lint("--format", "json", "--fail-on", "error");

        JsonNode deploy = JSON.readTree(run.out()).path("policies").get(0);
        assertThat(deploy.path("policy").asText()).contains("module.deploy.");
        JsonNode gha018 = deploy.path("findings").get(0);
        assertThat(gha018.path("id").asText()).isEqualTo("GHA018");
        assertThat(gha018.path("file").asText()).isEqualTo(tree() + "/tf/modules/deploy_role/main.tf");
        assertThat(gha018.path("line").asInt()).isEqualTo(7);
        CliRun explore = CliRun.of("trust", "explore", "--policy", tree() + "/tf/app", "--repository", "octo-org/app");
        assertThat(TrustHclCommandTest.line(explore.out(), "push-default-branch ")).as(explore.err()).contains("ALLOW");
        assertThat(TrustHclCommandTest.line(explore.out(), "pull-request ")).contains("IMPLICIT_DENY");
    }

    @Test
    void theExitStatusIsOverTheWholeTreeAndTextNamesFileAndLineFirst() {
        CliRun warnings = lint();

        assertThat(warnings.exit()).isEqualTo(1);
        assertThat(warnings.out()).contains(tree() + "/cfn/stack.yaml:43: WARNING GHA004 ")
                .contains(tree() + "/cdk.out/AppStack.template.json:15:75: WARNING GHA003 ")
                .endsWith("6 roles, 16 findings" + System.lineSeparator());
    }

    @Test
    void aBrokenFileIsReportedWithItsLineWhileTheRestIsStillLintedAndTheExitIsTwo() throws Exception {
        Path copy = copyTree();
        Files.writeString(copy.resolve("tf/reference/broken.tf"), "resource \"aws_iam_role\" \"x\" {\n  count = 2\n"
                + "  assume_role_policy = \"{}\"\n}\n");
        Files.writeString(copy.resolve("cfn/broken.yaml"), "Resources:\n  R:\n    Type: AWS::IAM::Role\n  - oops\n");

        CliRun run = CliRun.of("trust", "lint", "--dir", copy.toString(), PARAMS[0], PARAMS[1], PARAMS[2], PARAMS[3],
                "--format", "json");

        assertThat(run.exit()).isEqualTo(2);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.path("policies").size()).isEqualTo(5);
        List<String> problems = report.path("problems").findValuesAsText("message");
        assertThat(problems).hasSize(2);
        assertThat(problems).anyMatch(m -> m.startsWith(copy + "/tf/reference/broken.tf:2: count needs terraform plan"));
        assertThat(problems).anyMatch(m -> m.startsWith(copy + "/cfn/broken.yaml"));
        assertThat(report.path("problems").findValuesAsText("file")).contains(copy + "/tf/reference");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void severalPolicyFilesMakeOneReport() {
        CliRun run = CliRun.of("trust", "lint", "--policy", CliRun.resource("policy.json"), "--policy",
                CliRun.resource("policy-hardened.json"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("2 roles, 4 findings");
    }

    @Test
    void roleCannotPickAcrossATree() {
        CliRun run = lint("--role", "deploy");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains("--role picks one role of one file");
    }

    @Test
    void aPolicyDirectoryWithoutTfFilesPointsToDir() {
        CliRun run = CliRun.of("trust", "lint", "--policy", tree());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.oneLineError()).as(run.err()).isTrue();
        assertThat(run.err()).contains(tree() + ": no .tf files in this directory, which is read as one Terraform module; "
                + "to find every policy under a directory, scan it as a tree (trust lint --dir)");
    }

    @Test
    void aMissingDirectoryIsRefusedByName() {
        CliRun run = CliRun.of("trust", "lint", "--dir", dir.resolve("absent").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(dir.resolve("absent") + ": no such file or directory");
    }

    private Path copyTree() throws IOException {
        Path source = Path.of(tree());
        Path target = dir.resolve("tree");
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : all.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
