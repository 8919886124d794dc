package io.github.ghaoidc.testkit;

import static io.github.ghaoidc.testkit.TrustAssertions.assertThatRole;
import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Roles created from Terraform configuration as written, tested end to end on the sandbox STS. */
@GitHubOidcTest
class TerraformPolicySourceIT {

    GitHubOidcSandbox sandbox;

    static Path module(String name) {
        try {
            return Path.of(TerraformPolicySourceIT.class.getResource("/terraform/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theReferenceModuleAdmitsItsRepositoryPullRequestsIncluded() {
        TestRole role = sandbox.createRole("GitHubActionsRole", PolicySource.terraform(module("reference")));

        assertThatRole(role).endToEnd()
                .allows(push("octo-org/octo-repo").toBranch("main"))
                .allows(pullRequest("octo-org/octo-repo"))
                .denies(push("octo-org/other").toBranch("main"))
                .denies(push("other-org/octo-repo").toBranch("main"));
    }

    @Test
    void aVariableChangesTheRepositoryLetIn() {
        TestRole role = sandbox.createRole("AppRole", PolicySource.terraform(module("reference").resolve("main.tf"))
                .variable("GitHubRepo", "app"));

        assertThatRole(role).endToEnd()
                .allows(push("octo-org/app").toBranch("main"))
                .denies(push("octo-org/octo-repo").toBranch("main"));
    }

    @Test
    void aRoleIsPickedByNameAndTheSandboxAccountFillsTheCallerIdentity(@TempDir Path dir) throws Exception {
        Path vars = Files.writeString(dir.resolve("ci.tfvars"), "repository = \"octo-org/site\"\n");
        TestRole deploy = sandbox.createRole("Deploy", PolicySource.terraform(module("two-roles"), "deploy"));
        TestRole readOnly = sandbox.createRole("ReadOnly", PolicySource.terraform(module("two-roles"), "read-only")
                .varFile(vars));

        assertThatRole(deploy).endToEnd()
                .allows(push("octo-org/app").toBranch("main"))
                .denies(pullRequest("octo-org/app"));
        assertThatRole(readOnly).endToEnd()
                .allows(pullRequest("octo-org/site"))
                .denies(pullRequest("octo-org/app"));
    }

    @Test
    void aModuleWithSeveralRolesNeedsOneNamed() {
        assertThatThrownBy(() -> PolicySource.terraform(module("two-roles")).document())
                .isInstanceOf(PolicySourceException.class)
                .hasMessageContaining("2 roles")
                .hasMessageContaining("aws_iam_role.deploy (deploy)");
    }

    @Test
    void variablesBelongToTerraformSourcesOnly() {
        assertThatThrownBy(() -> PolicySource.classpath("policies/app-main.json").variable("a", "b"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("variable(…) applies to PolicySource.terraform(…) only");
        assertThat(PolicySource.terraform(module("reference")).name()).endsWith("reference");
    }
}
