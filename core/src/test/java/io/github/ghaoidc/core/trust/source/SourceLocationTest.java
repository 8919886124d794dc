package io.github.ghaoidc.core.trust.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading the file and line a message or origin starts with, and the role an origin names after them. */
class SourceLocationTest {

    private static SourcedPolicy origin(String origin) {
        return SourcedPolicy.builder().document("{}").format(PolicyFormat.JSON).origin(origin).build();
    }

    @Test
    void theLeadingLocationIsReadWithItsColumnWhenThereIsOne() {
        assertThat(SourceLocation.leading("main.tf:14: for_each needs terraform plan"))
                .contains(new SourceLocation("main.tf", 14, 0));
        assertThat(SourceLocation.leading("policy.json:4:72: IAM refuses this policy"))
                .contains(new SourceLocation("policy.json", 4, 72));
        assertThat(SourceLocation.leading("stack.yaml: not a template")).isEmpty();
    }

    @Test
    void theRoleLabelIsWhatTheOriginNamesAfterItsFileAndLine() {
        assertThat(origin("infra/main.tf:25: aws_iam_role.deploy (deploy)").roleLabel())
                .isEqualTo("aws_iam_role.deploy (deploy)");
        assertThat(origin("stack.yaml: Resources.GitHubActionsRole").roleLabel()).isEqualTo("Resources.GitHubActionsRole");
        assertThat(origin("policy.json").roleLabel()).isEmpty();
    }
}
