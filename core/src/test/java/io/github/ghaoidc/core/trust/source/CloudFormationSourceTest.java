package io.github.ghaoidc.core.trust.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CloudFormationSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER_ARN =
            "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";

    private static PolicySourceReader.Builder scenario() {
        return PolicySourceReader.builder()
                .parameter("GitHubOrg", "octo-org")
                .parameter("GitHubRepo", "octo-repo")
                .parameter("AWS::AccountId", "123456789012");
    }

    @Test
    void yamlTemplateWithShortFormTagsResolvesToTheScenarioPolicy() throws Exception {
        SourcedPolicy policy = scenario().build().read(Fixtures.path("reference/github-actions-role.yaml"));

        assertThat(policy.format()).isEqualTo(PolicyFormat.CLOUDFORMATION);
        assertThat(policy.origin()).endsWith("github-actions-role.yaml: Resources.GitHubActionsRole");
        assertThat(JSON.readTree(policy.document())).isEqualTo(JSON.readTree(Fixtures.text("reference/policy.json")));
    }

    @Test
    void jsonTemplateResolvesGetAttArnAndSubListFormWithParameterDefault() throws Exception {
        SourcedPolicy policy = scenario().build().read(Fixtures.path("reference/github-actions-role-hardened.json"));

        JsonNode statement = JSON.readTree(policy.document()).get("Statement").get(0);
        assertThat(statement.at("/Principal/Federated").asText()).isEqualTo(PROVIDER_ARN);
        assertThat(statement.at("/Condition/StringEquals").get("token.actions.githubusercontent.com:sub").asText())
                .isEqualTo("repo:octo-org/octo-repo:ref:refs/heads/main");
    }

    @Test
    void parameterGivenByTheCallerOverridesTheTemplateDefault() throws Exception {
        SourcedPolicy policy = scenario().parameter("DeployBranch", "release").build()
                .read(Fixtures.path("reference/github-actions-role-hardened.json"));

        assertThat(policy.document()).contains("repo:octo-org/octo-repo:ref:refs/heads/release");
    }

    @Test
    void missingParametersAreAllNamedInOneError() {
        PolicySourceReader reader = PolicySourceReader.create();

        assertThatThrownBy(() -> reader.read(Fixtures.path("reference/github-actions-role.yaml")))
                .isInstanceOf(PolicySourceException.class)
                .hasMessageContaining("AssumeRolePolicyDocument uses names with no value: AWS::AccountId, GitHubOrg, GitHubRepo")
                .hasMessageContaining("NAME=VALUE");
    }

    @Test
    void partitionAndSubEscapesAndJoinAreResolved() throws Exception {
        String template = "Resources:\n"
                + "  P:\n    Type: AWS::IAM::OIDCProvider\n    Properties: {Url: 'https://token.actions.githubusercontent.com/acme'}\n"
                + "  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n"
                + "        Statement:\n          - Effect: Allow\n            Principal: {Federated: !GetAtt P.Arn}\n"
                + "            Action: !Join [':', [sts, AssumeRoleWithWebIdentity]]\n"
                + "            Condition:\n              StringLike:\n"
                + "                token.actions.githubusercontent.com/acme:sub: !Sub 'repo:${!literal}/${Org}:*'\n";
        SourcedPolicy policy = PolicySourceReader.builder().parameter("AWS::AccountId", "111122223333")
                .parameter("AWS::Partition", "aws-us-gov").parameter("Org", "acme").build()
                .read(template, "inline.yaml");

        JsonNode statement = JSON.readTree(policy.document()).get("Statement").get(0);
        assertThat(statement.at("/Principal/Federated").asText())
                .isEqualTo("arn:aws-us-gov:iam::111122223333:oidc-provider/token.actions.githubusercontent.com/acme");
        assertThat(statement.get("Action").asText()).isEqualTo("sts:AssumeRoleWithWebIdentity");
        assertThat(statement.at("/Condition/StringLike").elements().next().asText()).isEqualTo("repo:${literal}/acme:*");
    }

    @Test
    void severalRolesNeedASelectorByLogicalIdOrRoleName() {
        String template = "Resources:\n"
                + "  A:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: !Sub '${Env}-deploy'\n"
                + "      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Action: 'sts:AssumeRole', Principal: {Service: a.amazonaws.com}}]}\n"
                + "  B:\n    Type: AWS::IAM::Role\n    Properties:\n"
                + "      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Action: 'sts:AssumeRole', Principal: {Service: b.amazonaws.com}}]}\n";
        PolicySourceReader.Builder base = PolicySourceReader.builder().parameter("Env", "prod");

        assertThatThrownBy(() -> base.build().read(template, "t.yaml"))
                .isInstanceOf(PolicySourceException.class)
                .hasMessageContaining("2 roles (A, B)");
        assertThat(base.role("B").build().read(template, "t.yaml").document()).contains("b.amazonaws.com");
        assertThat(base.role("prod-deploy").build().read(template, "t.yaml").document()).contains("a.amazonaws.com");
        assertThatThrownBy(() -> base.role("C").build().read(template, "t.yaml"))
                .hasMessageContaining("no AWS::IAM::Role with logical id or RoleName 'C'; roles: A, B");
    }

    @Test
    void intrinsicFunctionsThatNeedADeployedStackAreRefusedByName() {
        String template = "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n"
                + "      AssumeRolePolicyDocument: !If [IsProd, {Statement: []}, {Statement: []}]\n";

        assertThatThrownBy(() -> PolicySourceReader.create().read(template, "t.yaml"))
                .isInstanceOf(PolicySourceException.class)
                .hasMessageContaining("Fn::If cannot be resolved before deploy; supported: Ref, Fn::Sub, Fn::GetAtt, Fn::Join");
    }

    @Test
    void refToARoleResourceIsRefusedNamingItsType() {
        String template = "Resources:\n  Other:\n    Type: AWS::IAM::User\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n"
                + "      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {AWS: !Ref Other}}]}\n";

        assertThatThrownBy(() -> PolicySourceReader.create().read(template, "t.yaml"))
                .hasMessageContaining("resource Other of type AWS::IAM::User cannot be resolved before deploy");
    }

    @Test
    void duplicateYamlKeysAreRefusedWithTheirLine() {
        String template = "Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:\n"
                + "        Statement: []\n        Statement: []\n";

        assertThatThrownBy(() -> PolicySourceReader.create().read(template, "t.yaml"))
                .isInstanceOf(PolicySourceException.class)
                .hasMessageContaining("member \"Statement\" given twice in one object")
                .hasMessageContaining("line 7");
    }

    @Test
    void yamlAliasesAreRefused() {
        String template = "Resources:\n  R:\n    Type: &t AWS::IAM::Role\n  S:\n    Type: *t\n";

        assertThatThrownBy(() -> PolicySourceReader.create().read(template, "t.yaml"))
                .hasMessageContaining("YAML alias *t is not supported");
    }

    @Test
    void brokenYamlGivesOneLineError() {
        assertThatThrownBy(() -> PolicySourceReader.create().read("Resources: [unclosed\n  - x: : y", "t.yaml"))
                .isInstanceOf(PolicySourceException.class)
                .hasMessageStartingWith("t.yaml: invalid YAML at line 2, column 6: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void templateWithoutRolesSaysSo() {
        assertThatThrownBy(() -> PolicySourceReader.create().read("{\"Resources\":{}}", "t.json"))
                .hasMessage("t.json: the template declares no AWS::IAM::Role");
    }

    @Test
    void deeplyNestedYamlIsRefusedNotOverflowed() {
        String template = "Resources: " + "[".repeat(5000) + "]".repeat(5000) + "\n";

        assertThatThrownBy(() -> PolicySourceReader.create().read(template, "t.yaml"))
                .isInstanceOf(PolicySourceException.class);
    }

    @Test
    void policyWrittenAsAJsonStringUnderSubIsResolvedAndParsedAsText() throws Exception {
        String template = "Parameters:\n  Org: {Type: String, Default: octo-org}\nResources:\n  R:\n    Type: AWS::IAM::Role\n"
                + "    Properties:\n      AssumeRolePolicyDocument: !Sub |\n"
                + "        {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRoleWithWebIdentity\",\n"
                + "          \"Principal\": {\"Federated\": \"arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com\"},\n"
                + "          \"Condition\": {\"StringEquals\": {\"token.actions.githubusercontent.com:sub\": \"repo:${Org}/app:ref:refs/heads/main\"}}}]}\n";

        SourcedPolicy policy = PolicySourceReader.builder().parameter("AWS::AccountId", "123456789012").build()
                .read(template, "t.yaml");

        JsonNode statement = JSON.readTree(policy.document()).get("Statement").get(0);
        assertThat(statement.at("/Principal/Federated").asText()).isEqualTo(PROVIDER_ARN);
        assertThat(statement.at("/Condition/StringEquals").elements().next().asText()).isEqualTo("repo:octo-org/app:ref:refs/heads/main");
    }
}
