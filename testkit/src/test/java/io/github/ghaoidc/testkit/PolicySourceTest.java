package io.github.ghaoidc.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySourceTest {

    @Test
    void jsonTextIsTheDocument() {
        assertThat(PolicySource.json("{\"Version\":\"2012-10-17\",\"Statement\":[]}").document())
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[]}");
    }

    @Test
    void cloudFormationTemplateIsResolvedWithItsParameters() {
        String document = PolicySource.classpath("sources/github-actions-role.yaml")
                .parameter("GitHubOrg", "octo-org").parameter("GitHubRepo", "app")
                .parameter("AWS::AccountId", "111122223333").document();
        assertThat(document).contains("repo:octo-org/app:*")
                .contains("arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com");
    }

    @Test
    void sandboxDefaultsFillPseudoParametersButExplicitOnesWin() {
        PolicySource template = PolicySource.classpath("sources/github-actions-role.yaml")
                .parameter("GitHubOrg", "octo-org").parameter("GitHubRepo", "app");
        assertThat(template.document(Map.of("AWS::AccountId", "000000000000"))).contains("arn:aws:iam::000000000000:");
        assertThat(template.parameter("AWS::AccountId", "999999999999").document(Map.of("AWS::AccountId", "000000000000")))
                .contains("arn:aws:iam::999999999999:");
    }

    @Test
    void terraformPlanFileIsDetected(@TempDir Path dir) throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, new String(getClass().getResourceAsStream("/sources/terraform-plan.json").readAllBytes()));
        assertThat(PolicySource.file(plan).document()).contains("repo:octo-org/octo-repo:*");
        assertThat(PolicySource.terraformPlan(plan).role("GitHubActionsRole").document())
                .contains("repo:octo-org/octo-repo:*");
    }

    @Test
    void missingFileAndUnknownRoleAreNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> PolicySource.file(dir.resolve("absent.json")).document())
                .isInstanceOf(PolicySourceException.class).hasMessageContaining("absent.json: no such file");
        assertThatThrownBy(() -> PolicySource.classpath("sources/terraform-plan.json").role("NoSuchRole").document())
                .isInstanceOf(PolicySourceException.class).hasMessageContaining("NoSuchRole");
    }

    @Test
    void nothingIsReadUntilTheDocumentIsAskedFor() {
        PolicySource lazy = PolicySource.classpath("sources/not-there.json");
        assertThat(lazy.name()).isEqualTo("classpath:sources/not-there.json");
        assertThatThrownBy(lazy::document).hasMessageContaining("no such resource");
    }
}
