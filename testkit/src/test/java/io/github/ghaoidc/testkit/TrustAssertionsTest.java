package io.github.ghaoidc.testkit;

import static io.github.ghaoidc.testkit.TrustAssertions.assertThatRole;
import static io.github.ghaoidc.testkit.Workflows.environment;
import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static io.github.ghaoidc.testkit.Workflows.tag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.trust.lint.Severity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** In-process mode: the trust engine decides, no server. */
class TrustAssertionsTest {

    private static final PolicySource MAIN_ONLY = PolicySource.classpath("policies/app-main.json");
    private static final PolicySource ANY_REF = PolicySource.classpath("policies/app-any.json");

    @Test
    void mainOnlyPolicyAllowsMainAndDeniesEverythingElse() {
        assertThatRole(MAIN_ONLY)
                .allows(push("octo-org/app").toBranch("main"))
                .denies(pullRequest("octo-org/app"))
                .denies(push("octo-org/app").toBranch("feature"))
                .denies(push("octo-org/other").toBranch("main"))
                .denies(push("octo-org/app").withAudience("https://github.com/octo-org"));
    }

    @Test
    void broadPolicyFailsTheDenyWithTheSubjectAndTheConditionThatLetItIn() {
        assertThatThrownBy(() -> assertThatRole(ANY_REF).denies(pullRequest("octo-org/app")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting role GitHubActionsRole to DENY pull_request of octo-org/app")
                .hasMessageContaining("but it was ALLOWED (ALLOW)")
                .hasMessageContaining("mode: in-process")
                .hasMessageContaining("sub = repo:octo-org/app:pull_request")
                .hasMessageContaining("deciding statement: $.Statement[0] (Sid AnyRefOfApp) Allow")
                .hasMessageContaining("condition StringLike token.actions.githubusercontent.com:sub: satisfied")
                .hasMessageContaining("policy value:  \"repo:octo-org/app:*\" matches");
    }

    @Test
    void deniedAllowShowsTheFailingConditionWithBothValues() {
        assertThatThrownBy(() -> assertThatRole(MAIN_ONLY).allows(environment("octo-org/app", "prod")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("but it was DENIED (IMPLICIT_DENY)")
                .hasMessageContaining("deciding statement: none matched")
                .hasMessageContaining("condition StringEquals token.actions.githubusercontent.com:sub: NOT satisfied")
                .hasMessageContaining("request value: \"repo:octo-org/app:environment:prod\"")
                .hasMessageContaining("policy value:  \"repo:octo-org/app:ref:refs/heads/main\" does not match")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("aud: NOT satisfied"));
    }

    @Test
    void explicitDenyIsTheDecidingStatement() {
        String policy = """
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
                  "Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/app:*"}}},
                 {"Sid":"NoTags","Effect":"Deny","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
                  "Action":"sts:AssumeRoleWithWebIdentity",
                  "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/app:ref:refs/tags/*"}}}]}
                """;
        assertThatRole(policy).allows(push("octo-org/app")).denies(tag("octo-org/app", "v1"));
        assertThatThrownBy(() -> assertThatRole(policy).allows(tag("octo-org/app", "v1")))
                .hasMessageContaining("(EXPLICIT_DENY)")
                .hasMessageContaining("deciding statement: $.Statement[1] (Sid NoTags) Deny");
    }

    @Test
    void roleArnComesFromTheProviderAccountSoAnotherAccountsProviderNeverMatches() {
        TestRole elsewhere = TestRole.of("arn:aws:iam::999999999999:role/deploy", MAIN_ONLY);
        assertThatThrownBy(() -> assertThatRole(elsewhere).allows(push("octo-org/app")))
                .hasMessageContaining("principal NOT matched");
    }

    @Test
    void endToEndNeedsASandboxRole() {
        assertThatThrownBy(() -> assertThatRole(MAIN_ONLY).endToEnd())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("End-to-end assertions need a role created in a sandbox");
    }

    @Test
    void lintFindingsAreListedOnFailure() {
        assertThatRole(MAIN_ONLY).hasNoLintFindingsAtOrAbove(Severity.WARNING);
        assertThatThrownBy(() -> assertThatRole(ANY_REF).hasNoLintFindings())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting role GitHubActionsRole to have no lint findings")
                .hasMessageContaining("GHA0");
    }

    private static final PolicySource REFERENCE = PolicySource.classpath("policies/reference.json");
    private static final PolicySource REFERENCE_HARDENED = PolicySource.classpath("policies/reference-hardened.json");

    @Test
    void hasNoLintFindingsUsesTheCliThresholdSoTheHardenedReferencePolicyPasses() {
        assertThat(assertThatRole(REFERENCE_HARDENED).lintFindings())
                .as("the hardened policy still gets INFO advice, so the default threshold matters")
                .anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThatRole(REFERENCE_HARDENED).hasNoLintFindings();
        assertThatThrownBy(() -> assertThatRole(REFERENCE_HARDENED).hasNoLintFindingsAtOrAbove(Severity.INFO))
                .hasMessageContaining("GHA018");
    }

    @Test
    void hasNoLintFindingsFailsTheReferencePolicyNamingTheFinding() {
        var worst = assertThatRole(REFERENCE).lintFindings().get(0);
        assertThat(worst.severity().atLeast(Severity.WARNING)).isTrue();
        assertThatThrownBy(() -> assertThatRole(REFERENCE).hasNoLintFindings())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no lint findings of severity WARNING or worse")
                .hasMessageContaining(worst.toString());
    }

    @Test
    void whoCanAssumeListsTheAllowedExplorationCases() {
        // every run whose sub is main's: dispatch, schedule, a called reusable workflow, a recycled repository name
        assertThatRole(MAIN_ONLY).whoCanAssume("octo-org/app").containsExactly("push-default-branch",
                "workflow-dispatch", "schedule", "reusable-workflow-other-repo", "recycled-name");
        assertThatRole(ANY_REF).whoCanAssume("octo-org/app").contains("pull-request", "push-tag");
        assertThatThrownBy(() -> assertThatRole(ANY_REF).whoCanAssume("octo-org/app")
                .containsExactly("push-default-branch"))
                .hasMessageContaining("who can assume GitHubActionsRole")
                .hasMessageContaining("pull-request");
    }

    @Test
    void printsTheExplorationMatrix() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertThatRole(ANY_REF).printExplorationMatrix("octo-org/app", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .startsWith("Who can assume GitHubActionsRole (classpath:policies/app-any.json):")
                .contains("pull-request").contains("other-org");
    }

    @Test
    void missingResourceNamesIt() {
        assertThatThrownBy(() -> assertThatRole(PolicySource.classpath("policies/nope.json")))
                .hasMessageContaining("classpath:policies/nope.json: no such resource");
    }
}
