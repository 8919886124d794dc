package io.github.ghaoidc.examples;

import static io.github.ghaoidc.testkit.TrustAssertions.assertThatRole;
import static io.github.ghaoidc.testkit.Workflows.environment;
import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static io.github.ghaoidc.testkit.Workflows.tag;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import io.github.ghaoidc.testkit.PolicySource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference scenario's role, GitHubActionsRole, as users bring it: a JSON policy, a CloudFormation template and
 * a Terraform plan; and its hardened variant in the same three forms. In process: no server needed.
 */
class ReferenceScenarioRoleTest {

    static final String REPO = "octo-org/octo-repo";

    static Stream<PolicySource> referenceForms() {
        return Stream.of(
                PolicySource.classpath("reference/policy.json"),
                cloudFormation("reference/github-actions-role.yaml"),
                PolicySource.classpath("reference/terraform-plan.json"));
    }

    static Stream<PolicySource> hardenedForms() {
        return Stream.of(
                PolicySource.classpath("reference/policy-hardened.json"),
                cloudFormation("reference/github-actions-role-hardened.json"),
                PolicySource.classpath("reference/terraform-plan-hardened.json"));
    }

    private static PolicySource cloudFormation(String template) {
        return PolicySource.classpath(template).parameter("GitHubOrg", "octo-org").parameter("GitHubRepo", "octo-repo")
                .parameter("AWS::AccountId", "123456789012");
    }

    @ParameterizedTest
    @MethodSource("referenceForms")
    void referenceRoleLetsTheRepositoryInAndKeepsOtherRepositoriesOut(PolicySource role) {
        assertThatRole(role)
                .allows(push(REPO).toBranch("main"))
                .denies(push("octo-org/other-repo").toBranch("main"))
                .denies(push("other-org/octo-repo").toBranch("main"));
    }

    @ParameterizedTest
    @MethodSource("referenceForms")
    void referenceRoleAlsoLetsInEveryBranchTagEnvironmentAndPullRequest(PolicySource role) {
        assertThatRole(role)
                .allows(pullRequest(REPO))
                .allows(tag(REPO, "v1.2.0"))
                .allows(push(REPO).toBranch("feature/untested"))
                .allows(environment(REPO, "dev"))
                .allows(push(REPO).withAudience("https://github.com/octo-org"));
    }

    @ParameterizedTest
    @MethodSource("hardenedForms")
    void hardenedRoleLetsOnlyMainWithTheStsAudienceIn(PolicySource role) {
        assertThatRole(role)
                .allows(push(REPO).toBranch("main"))
                .denies(pullRequest(REPO))
                .denies(tag(REPO, "v1.2.0"))
                .denies(push(REPO).toBranch("feature/untested"))
                .denies(environment(REPO, "dev"))
                .denies(push(REPO).withAudience("https://github.com/octo-org"))
                .denies(push("octo-org/other-repo").toBranch("main"));
    }

    @Test
    void explorationShowsWhatTheHardeningTakesAway() {
        assertThatRole(PolicySource.classpath("reference/policy.json")).whoCanAssume(REPO)
                .contains("push-other-branch", "push-tag", "pull-request", "environment-production", "other-audience");
        assertThatRole(PolicySource.classpath("reference/policy-hardened.json")).whoCanAssume(REPO)
                .containsExactly("push-default-branch", "workflow-dispatch", "schedule", "reusable-workflow-other-repo",
                        "recycled-name");
    }

    @Test
    void linterFlagsTheReferenceRoleAndPassesTheHardenedOne() {
        assertThat(assertThatRole(PolicySource.classpath("reference/policy.json")).lintFindings())
                .extracting(LintFinding::severity).contains(Severity.WARNING);
        assertThatRole(PolicySource.classpath("reference/policy-hardened.json"))
                .hasNoLintFindingsAtOrAbove(Severity.WARNING);
    }

    @Test
    void printsWhoCanAssumeEachVariant() {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        assertThatRole(PolicySource.classpath("reference/policy.json")).printExplorationMatrix(REPO, out);
        assertThatRole(PolicySource.classpath("reference/policy-hardened.json")).printExplorationMatrix(REPO, out);
        System.out.print(text.toString(StandardCharsets.UTF_8));
        assertThat(text.toString(StandardCharsets.UTF_8)).contains("11 of 17 contexts allowed", "5 of 17 contexts allowed");
    }
}
