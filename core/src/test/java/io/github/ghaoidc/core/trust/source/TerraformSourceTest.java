package io.github.ghaoidc.core.trust.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TerraformSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void planRoleInAChildModuleYieldsItsAssumeRolePolicyAsWritten() throws Exception {
        SourcedPolicy policy = PolicySourceReader.create().read(Fixtures.path("reference/terraform-plan.json"));

        String written = JSON.readTree(Fixtures.text("reference/terraform-plan.json"))
                .at("/planned_values/root_module/child_modules/0/resources/0/values/assume_role_policy").asText();
        assertThat(policy.format()).isEqualTo(PolicyFormat.TERRAFORM);
        assertThat(policy.origin()).endsWith(": module.github_oidc.aws_iam_role.github_actions");
        assertThat(policy.document()).isEqualTo(written);
        assertThat(JSON.readTree(policy.document())).isEqualTo(JSON.readTree(Fixtures.text("reference/policy.json")));
    }

    @Test
    void policyUnknownUntilApplyIsAClearError() {
        assertThatThrownBy(() -> PolicySourceReader.create().read(Fixtures.path("sources/terraform-plan-unknown-policy.json")))
                .isInstanceOf(PolicySourceException.class)
                .hasMessageContaining("aws_iam_role.github_actions.assume_role_policy is unknown until apply");
    }

    @Test
    void stateWithTwoRolesNeedsAnAddressOrName() {
        PolicySourceReader.Builder reader = PolicySourceReader.builder().format(PolicyFormat.TERRAFORM);

        assertThatThrownBy(() -> reader.build().read(Fixtures.path("sources/terraform-state-two-roles.json")))
                .hasMessageContaining("2 aws_iam_role resources (aws_iam_role.lambda_exec, module.ci.aws_iam_role.deploy)");
        assertThat(reader.role("module.ci.aws_iam_role.deploy").build()
                .read(Fixtures.path("sources/terraform-state-two-roles.json")).document())
                .contains("token.actions.githubusercontent.com:sub");
        assertThat(reader.role("lambda-exec").build()
                .read(Fixtures.path("sources/terraform-state-two-roles.json")).document())
                .contains("lambda.amazonaws.com");
    }

    @Test
    void outputWithoutValuesIsNotTerraform() {
        PolicySourceReader reader = PolicySourceReader.builder().format(PolicyFormat.TERRAFORM).build();

        assertThatThrownBy(() -> reader.read("{\"format_version\":\"1.2\"}", "plan.json"))
                .hasMessageContaining("no planned_values.root_module or values.root_module");
    }
}
