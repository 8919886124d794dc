package io.github.ghaoidc.core.trust.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySourceReaderTest {

    @TempDir
    Path dir;

    @Test
    void plainPolicyIsPassedOnByteForByteSoDuplicatesSurvive() {
        String policy = "{\"Statement\":{\"Effect\":\"Allow\",\"Condition\":{\"StringEquals\":{},\"StringEquals\":{}}}}";

        SourcedPolicy read = PolicySourceReader.create().read(policy, "p.json");

        assertThat(read.format()).isEqualTo(PolicyFormat.JSON);
        assertThat(read.document()).isEqualTo(policy);
    }

    @Test
    void formatIsDetectedFromTheContent() {
        PolicySourceReader reader = PolicySourceReader.create();

        assertThat(reader.read(Fixtures.path("reference/policy.json")).format()).isEqualTo(PolicyFormat.JSON);
        assertThat(reader.read(Fixtures.path("reference/terraform-plan.json")).format()).isEqualTo(PolicyFormat.TERRAFORM);
        assertThatThrownBy(() -> reader.read("{\"Foo\":1}", "x.json"))
                .hasMessageContaining("cannot tell the format");
    }

    @Test
    void endlessStreamIsRefusedAfterTheLimitNotLoadedWhole() {
        long[] consumed = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                consumed[0]++;
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) ' ');
                consumed[0] += len;
                return len;
            }
        };

        assertThatThrownBy(() -> PolicySourceReader.create().read(endless, "/dev/stdin"))
                .isInstanceOf(PolicySourceException.class)
                .hasMessage("/dev/stdin: larger than the limit of 33554432 bytes (32 MiB); give a policy, template or "
                        + "plan file below it");
        assertThat(consumed[0]).isEqualTo(PolicySourceReader.MAX_BYTES + 1L);
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> PolicySourceReader.create().read(missing))
                .isInstanceOf(PolicySourceException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() throws Exception {
        Path file = Files.write(dir.resolve("latin1.json"), new byte[] {'{', (byte) 0xE9, '}'});

        assertThatThrownBy(() -> PolicySourceReader.create().read(file)).hasMessage(file + ": not UTF-8 text");
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> PolicySourceReader.create().read("{\n \"Resources\": ", "t.json"))
                .isInstanceOf(PolicySourceException.class)
                .hasMessageStartingWith("t.json: invalid JSON at line 2");
    }

    @Test
    void emptyDocumentIsRefused() {
        assertThatThrownBy(() -> PolicySourceReader.create().read("  \n", "e.json")).hasMessageContaining("empty document");
    }

    @Test
    void unknownFormatNameListsTheAllowedOnes() {
        assertThatThrownBy(() -> PolicyFormat.fromName("yaml"))
                .hasMessage("unknown policy format 'yaml'; allowed: json, cloudformation, terraform, hcl (or leave it out to "
                        + "detect it)");
        assertThat(PolicyFormat.fromName("hcl")).isEqualTo(PolicyFormat.HCL);
        assertThat(PolicyFormat.fromName("CloudFormation")).isEqualTo(PolicyFormat.CLOUDFORMATION);
    }

    @Test
    void tenMegabyteTemplateIsReadAndItsRoleFound() {
        String role = "\"R\":{\"Type\":\"AWS::IAM::Role\",\"Properties\":{\"AssumeRolePolicyDocument\":"
                + "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}}}";
        String big = "\"Big\":{\"Type\":\"AWS::S3::Bucket\",\"Properties\":{\"Tags\":[" + "\"x\",".repeat(2_000_000)
                + "\"x\"]}}";

        SourcedPolicy policy = PolicySourceReader.create().read("{\"Resources\":{" + big + "," + role + "}}", "big.json");

        assertThat(policy.document()).isEqualTo("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}");
    }

    @Test
    void deeplyNestedJsonIsASourceErrorNotAnOverflow() {
        String deep = "{\"Resources\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";

        assertThatThrownBy(() -> PolicySourceReader.create().read(deep, "deep.json"))
                .isInstanceOf(PolicySourceException.class)
                .hasMessageContaining("deep.json: invalid JSON");
    }

    @Test
    void yamlAliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append("]\n");
        }

        assertThatThrownBy(() -> PolicySourceReader.create().read(yaml.toString(), "bomb.yaml"))
                .isInstanceOf(PolicySourceException.class);
    }

    @Test
    void terraformConfigurationUnderAnotherNameIsToldToBeGivenAsItsTfFile() {
        assertThatThrownBy(() -> PolicySourceReader.create().read("# the role\nresource \"aws_iam_role\" \"r\" {\n}\n",
                "role.txt"))
                .isInstanceOf(PolicySourceException.class)
                .hasMessage("role.txt: looks like Terraform configuration (HCL), which is read from a module's .tf files: "
                        + "give the .tf file or its directory as the policy");
        assertThatThrownBy(() -> PolicySourceReader.create().read("data:\n  - resource\n", "list.yaml"))
                .isInstanceOf(PolicySourceException.class)
                .hasMessageNotContaining("Terraform configuration (HCL)");
    }

    @Test
    void theHclFormatOnAFileNotNamedTfIsRefusedRatherThanReadingItsDirectoryInstead(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("other.tf"), "resource \"aws_iam_role\" \"other\" {\n"
                + "  assume_role_policy = \"{}\"\n}\n");
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("role.hcl"), "locals {}\n");
        PolicySourceReader hcl = PolicySourceReader.builder().format(PolicyFormat.HCL).build();

        assertThatThrownBy(() -> hcl.read(file))
                .isInstanceOf(PolicySourceException.class)
                .hasMessage(file + ": Terraform reads a module's .tf files only, and this file is not one; name it .tf or "
                        + "give its directory");
        assertThatThrownBy(() -> hcl.read(dir.resolve("absent.tf")))
                .isInstanceOf(PolicySourceException.class).hasMessage(dir.resolve("absent.tf") + ": no such file or directory");
    }

    @Test
    void plainTextIsNamedAsNoneOfTheFormatsWithWhatWasTried() {
        assertThatThrownBy(() -> PolicySourceReader.create().read("remember to rotate the keys\n", "notes.txt"))
                .isInstanceOf(PolicySourceException.class)
                .hasMessage("notes.txt: not a policy JSON, CloudFormation template or Terraform file: tried JSON (it "
                        + "does not start with '{') and a YAML template (YAML, but not a mapping); give a trust policy "
                        + "JSON, a CloudFormation template or terraform show -json output");
    }

    @Test
    void brokenYamlIsNamedWithTheYamlErrorAndItsLine() {
        assertThatThrownBy(() -> PolicySourceReader.create().read("x: [unclosed\n", "t.yaml"))
                .hasMessageStartingWith("t.yaml: invalid YAML at line 1, column 13: ")
                .hasMessageEndingWith("(not JSON either: it does not start with '{'; expected a trust policy JSON, a "
                        + "CloudFormation template or terraform show -json output)");
    }

    @Test
    void aYamlMappingWithoutResourcesIsStillReadAsATemplateAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> PolicySourceReader.create().read("Description: no resources here\n", "t.yaml"))
                .hasMessage("t.yaml: not a CloudFormation template: no Resources section");
    }

    @Test
    void everyFormatLocatesTheElementsOfItsPolicy() {
        SourcedPolicy json = PolicySourceReader.create().read(Fixtures.path("reference/policy.json"));
        SourcedPolicy yaml = PolicySourceReader.builder().parameter("GitHubOrg", "o").parameter("GitHubRepo", "r")
                .parameter("AWS::AccountId", "123456789012").build().read(Fixtures.path("reference/github-actions-role.yaml"));
        SourcedPolicy plan = PolicySourceReader.create().read(Fixtures.path("reference/terraform-plan.json"));
        String sub = "$.Statement[0].Condition.StringLike[\"token.actions.githubusercontent.com:sub\"]";

        assertThat(json.locate(sub).orElseThrow()).isEqualTo(new SourceLocation(json.origin(), 4, 72));
        assertThat(yaml.locate("$.Statement[0]").orElseThrow().file()).endsWith("github-actions-role.yaml");
        assertThat(yaml.locate("$.Statement[0]").orElseThrow().line()).isGreaterThan(1);
        assertThat(plan.locate(sub).orElseThrow().line()).isGreaterThan(1);
    }
}
