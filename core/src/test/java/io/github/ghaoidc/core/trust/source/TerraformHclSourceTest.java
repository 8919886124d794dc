package io.github.ghaoidc.core.trust.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.explore.ContextMatrix;
import io.github.ghaoidc.core.trust.explore.TrustExplorer;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.TrustPolicyLinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terraform configuration as written (issue 10): the reference scenario and the forms and refusals around it. */
class TerraformHclSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path module(Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path file = dir.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue());
        }
        return dir;
    }

    private static Map<String, String> decisions(SourcedPolicy policy) {
        return TrustExplorer.create().explore(TrustPolicy.parse(policy.document()),
                ContextMatrix.builder().repository("octo-org/octo-repo").build()).results().stream()
                .collect(Collectors.toMap(r -> r.explorationCase().name(), r -> r.decision().name()));
    }

    @Test
    void theReferenceScenarioExploresExactlyAsItsPolicyJson() throws Exception {
        SourcedPolicy hcl = PolicySourceReader.create().read(Fixtures.path("hcl/reference/main.tf"));
        SourcedPolicy json = PolicySourceReader.create().read(Fixtures.path("reference/policy.json"));

        assertThat(hcl.format()).isEqualTo(PolicyFormat.HCL);
        assertThat(hcl.origin()).endsWith("main.tf:25: aws_iam_role.github_actions (GitHubActionsRole)");
        assertThat(JSON.readTree(hcl.document())).isEqualTo(JSON.readTree(json.document()));
        assertThat(decisions(hcl)).isEqualTo(decisions(json)).containsEntry("push-default-branch", "ALLOW")
                .containsEntry("pull-request", "ALLOW").containsEntry("sibling-repo", "IMPLICIT_DENY")
                .containsEntry("other-org", "IMPLICIT_DENY");
    }

    @Test
    void aVarChangesTheRepositoryLetIn() {
        SourcedPolicy other = PolicySourceReader.builder().variable("GitHubRepo", "other").build()
                .read(Fixtures.path("hcl/reference/main.tf"));

        assertThat(other.document()).contains("repo:octo-org/other:*");
        assertThat(decisions(other)).containsEntry("push-default-branch", "IMPLICIT_DENY");
    }

    @Test
    void lintFindsThePullRequestExposureAtTheValuesLineOfTheCondition() {
        SourcedPolicy hcl = PolicySourceReader.create().read(Fixtures.path("hcl/reference/main.tf"));

        LintFinding pr = TrustPolicyLinter.create().lint(TrustPolicy.parse(hcl.document())).stream()
                .filter(f -> f.ruleId().equals("GHA004")).findFirst().orElseThrow();

        SourceLocation at = hcl.locate(pr.path()).orElseThrow();
        assertThat(at.file()).endsWith("main.tf");
        assertThat(at.line()).isEqualTo(20);
    }

    @Test
    void jsonencodeHeredocAndAccountFromTheReaderAreRead() throws Exception {
        module(Map.of("main.tf", """
                data "aws_caller_identity" "current" {}
                locals {
                  provider = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"
                }
                resource "aws_iam_role" "encoded" {
                  name = "Encoded"
                  assume_role_policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Effect    = "Allow"
                      Principal = { Federated = local.provider }
                      Action    = "sts:AssumeRoleWithWebIdentity"
                      Condition = { StringEquals = { "token.actions.githubusercontent.com:sub" = format("repo:%s/%s:ref:refs/heads/main", "octo-org", "app") } }
                    }]
                  })
                }
                resource "aws_iam_role" "heredoc" {
                  name = "Heredoc"
                  assume_role_policy = <<-EOT
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"${local.provider}"},
                     "Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/*"}}}]}
                  EOT
                }
                """));
        PolicySourceReader reader = PolicySourceReader.builder().parameter("AWS::AccountId", "210987654321").build();

        List<SourcedPolicy> roles = reader.readTerraformModule(dir);

        assertThat(roles).extracting(SourcedPolicy::origin).anyMatch(o -> o.endsWith("aws_iam_role.encoded (Encoded)"))
                .anyMatch(o -> o.endsWith("aws_iam_role.heredoc (Heredoc)"));
        assertThat(roles).allSatisfy(r -> assertThat(r.document())
                .contains("arn:aws:iam::210987654321:oidc-provider/token.actions.githubusercontent.com"));
        assertThat(roles.get(0).document()).contains("repo:octo-org/app:ref:refs/heads/main");
        assertThat(TrustPolicy.parse(roles.get(1).document()).statements()).hasSize(1);
    }

    @Test
    void aLocalModuleIsFollowedWithItsInputsAndSourcePolicyDocumentsMerge() throws Exception {
        module(Map.of("main.tf", """
                module "ci" {
                  source = "./modules/role"
                  repo   = "octo-org/app"
                }
                """, "modules/role/main.tf", """
                variable "repo" {}
                data "aws_iam_policy_document" "base" {
                  statement {
                    sid     = "Base"
                    actions = ["sts:AssumeRoleWithWebIdentity"]
                    principals {
                      type        = "Federated"
                      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
                    }
                    condition {
                      test     = "StringEquals"
                      variable = "token.actions.githubusercontent.com:aud"
                      values   = ["sts.amazonaws.com"]
                    }
                  }
                }
                data "aws_iam_policy_document" "trust" {
                  source_policy_documents = [data.aws_iam_policy_document.base.json]
                  statement {
                    sid     = "Repo"
                    actions = ["sts:AssumeRoleWithWebIdentity"]
                    principals {
                      type        = "Federated"
                      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
                    }
                    condition {
                      test     = "StringEquals"
                      variable = "token.actions.githubusercontent.com:sub"
                      values   = ["repo:${var.repo}:ref:refs/heads/main"]
                    }
                  }
                }
                resource "aws_iam_role" "deploy" {
                  name               = "Deploy"
                  assume_role_policy = data.aws_iam_policy_document.trust.json
                }
                """));

        SourcedPolicy role = PolicySourceReader.builder().role("module.ci.aws_iam_role.deploy").build()
                .read(dir.resolve("main.tf"));

        assertThat(role.origin()).contains("modules/role/main.tf:").endsWith("module.ci.aws_iam_role.deploy (Deploy)");
        assertThat(JSON.readTree(role.document()).get("Statement")).extracting(s -> s.get("Sid").asText())
                .containsExactly("Base", "Repo");
        assertThat(role.document()).contains("repo:octo-org/app:ref:refs/heads/main");
        assertThat(role.locate("$.Statement[1].Condition.StringEquals[\"token.actions.githubusercontent.com:sub\"]")
                .orElseThrow().toString()).endsWith("modules/role/main.tf:29");
    }

    private String refusal(String mainTf) throws Exception {
        Path root = Files.createTempDirectory(dir, "m");
        Files.writeString(root.resolve("main.tf"), mainTf);
        return catchThrowableOfType(PolicySourceException.class,
                () -> PolicySourceReader.create().readTerraformModule(root)).getMessage();
    }

    @Test
    void forEachCountUnresolvedVarsAndRemoteModulesAreRefusedByNameWithFileAndLine() throws Exception {
        assertThat(refusal("""
                resource "aws_iam_role" "r" {
                  for_each           = toset(["a", "b"])
                  assume_role_policy = "{}"
                }
                """)).endsWith("main.tf:2: for_each needs terraform plan (aws_iam_role.r has several instances); use "
                + "terraform show -json");
        assertThat(refusal("""
                resource "aws_iam_role" "r" {
                  count              = 2
                  assume_role_policy = "{}"
                }
                """)).endsWith("main.tf:2: count needs terraform plan (aws_iam_role.r has several instances); use "
                + "terraform show -json");
        assertThat(refusal("""
                variable "repo" {}
                resource "aws_iam_role" "r" {
                  assume_role_policy = "${var.repo}"
                }
                """)).contains("main.tf:3: var.repo has no value: give --var repo=VALUE or --var-file FILE.tfvars");
        assertThat(refusal("""
                module "remote" {
                  source = "terraform-aws-modules/iam/aws"
                }
                """)).contains("main.tf:1: module remote (source terraform-aws-modules/iam/aws) is not available here: "
                + "run terraform init");
        assertThat(refusal("""
                resource "aws_iam_role" "r" {
                  assume_role_policy = var.on ? "a" : "b"
                }
                """)).contains("main.tf:2: a conditional expression (a ? b : c) cannot be evaluated before plan");
    }

    @Test
    void aRegistryModuleIsReadFromWhereTerraformInitPutItWithItsInputs() throws Exception {
        module(Map.of("main.tf", """
                module "oidc" {
                  source  = "example/github-oidc/aws"
                  version = "1.2.0"
                  repo    = "octo-org/app"
                }
                """, ".terraform/modules/modules.json", """
                {"Modules":[{"Key":"","Source":"","Dir":"."},
                 {"Key":"oidc","Source":"registry.terraform.io/example/github-oidc/aws","Version":"1.2.0",
                  "Dir":".terraform/modules/oidc"}]}
                """, ".terraform/modules/oidc/main.tf", """
                variable "repo" {}
                resource "aws_iam_role" "this" {
                  name = "from-registry"
                  assume_role_policy = jsonencode({
                    Version = "2012-10-17"
                    Statement = [{
                      Effect = "Allow", Action = "sts:AssumeRoleWithWebIdentity"
                      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" }
                      Condition = { StringEquals = { "token.actions.githubusercontent.com:sub" = "repo:${var.repo}:ref:refs/heads/main" } }
                    }]
                  })
                }
                """));

        List<SourcedPolicy> roles = PolicySourceReader.create().readTerraformModule(dir);

        assertThat(roles).singleElement().satisfies(role -> {
            assertThat(role.origin()).endsWith("module.oidc.aws_iam_role.this (from-registry)")
                    .startsWith(dir + "/.terraform/modules/oidc/main.tf:2: ");
            assertThat(role.document()).contains("repo:octo-org/app:ref:refs/heads/main");
        });
    }

    @Test
    void cyclicLocalsAndDeepNestingAreRefusedInOneLine() throws Exception {
        assertThat(refusal("""
                locals {
                  a = local.b
                  b = local.a
                }
                resource "aws_iam_role" "r" {
                  assume_role_policy = local.a
                }
                """)).contains("cyclic locals: local.a -> local.b -> local.a").doesNotContain("\n");
        assertThat(refusal("x = " + "[".repeat(100) + "]".repeat(100) + "\n"))
                .contains("nested deeper than 64 levels, the most allowed");
    }

    @Test
    void cyclicVariablesLongReferenceChainsAndHugeHeredocsUnderTheFileLimitAreRefusedInOneLine() throws Exception {
        assertThat(refusal("""
                variable "a" {
                  default = var.b
                }
                variable "b" {
                  default = var.a
                }
                resource "aws_iam_role" "r" {
                  assume_role_policy = var.a
                }
                """)).contains("refers to itself").doesNotContain("\n");
        StringBuilder chain = new StringBuilder("locals {\n");
        for (int i = 0; i < 5000; i++) {
            chain.append("  l").append(i).append(" = local.l").append(i + 1).append('\n');
        }
        chain.append("  l5000 = \"x\"\n}\nresource \"aws_iam_role\" \"r\" {\n  assume_role_policy = local.l0\n}\n");
        assertThat(refusal(chain.toString())).contains("nest deeper than 64 levels").doesNotContain("\n");
        assertThat(refusal("resource \"aws_iam_role\" \"r\" {\n  assume_role_policy = <<EOT\n" + "x".repeat(9 * 1024 * 1024)
                + "\nEOT\n}\n")).endsWith("main.tf:2: expressions produce more than 1048576 characters; a trust policy is "
                + "at most 262,144");
    }

    @Test
    void aTenMegabyteHeredocIsRefusedAtTheFileLimit() throws Exception {
        Path root = Files.createTempDirectory(dir, "big");
        Files.writeString(root.resolve("main.tf"), "x = <<EOT\n" + "a".repeat(10 * 1024 * 1024) + "\nEOT\n");

        String message = catchThrowableOfType(PolicySourceException.class,
                () -> PolicySourceReader.create().readTerraformModule(root)).getMessage();

        assertThat(message).endsWith("main.tf: larger than 10485760 bytes (10 MiB), the limit for one Terraform file");
    }
}
