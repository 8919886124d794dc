package io.github.ghaoidc.core.trust.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.explore.ContextMatrix;
import io.github.ghaoidc.core.trust.explore.ExplorationReport;
import io.github.ghaoidc.core.trust.explore.TrustExplorer;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import io.github.ghaoidc.core.trust.lint.TrustPolicyLinter;
import io.github.ghaoidc.core.trust.source.PolicySourceReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference scenario (GitHubActionsRole trusting repo:octo-org/octo-repo:*), read from its JSON,
 * CloudFormation and Terraform-plan forms: the same decisions and the same lint verdict from each.
 */
class ReferenceScenarioTest {

    private static final ContextMatrix MATRIX = ContextMatrix.builder().repository("octo-org/octo-repo").build();
    private static final PolicySourceReader READER = PolicySourceReader.builder()
            .parameter("GitHubOrg", "octo-org").parameter("GitHubRepo", "octo-repo")
            .parameter("AWS::AccountId", "123456789012").build();

    private static TrustPolicy read(String fixture) {
        try {
            Path file = Path.of(ReferenceScenarioTest.class.getResource("/trust/reference/" + fixture).toURI());
            return TrustPolicy.parse(READER.read(file).document());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}: pushes on any branch and pull requests of octo-org/octo-repo, nothing else")
    @ValueSource(strings = {"policy.json", "github-actions-role.yaml", "terraform-plan.json"})
    void admitsTheRepositorysPushesAndPullRequestsAndNoOtherRepository(String fixture) {
        ExplorationReport report = explorer().explore(read(fixture), MATRIX);

        assertThat(report.allowedCases()).contains("push-default-branch", "push-other-branch", "push-nested-branch",
                "push-tag", "pull-request", "environment-production", "workflow-dispatch", "schedule");
        assertThat(report.allowedCases()).doesNotContain("sibling-repo", "other-org", "other-repo-calling-this-workflow",
                "enterprise-issuer");
    }

    @ParameterizedTest(name = "{0}: lint flags the pull-request exposure with a concrete fix")
    @ValueSource(strings = {"policy.json", "github-actions-role.yaml", "terraform-plan.json"})
    void lintFlagsThePullRequestExposureWithAConcreteFix(String fixture) {
        List<LintFinding> findings = TrustPolicyLinter.create().lint(read(fixture));

        assertThat(findings).filteredOn(f -> f.ruleId().equals("GHA004")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.path()).isEqualTo("$.Statement[0].Condition.StringLike[\"token.actions.githubusercontent.com:sub\"]");
            assertThat(f.message()).contains("pull_request");
            assertThat(f.fix()).contains("\"token.actions.githubusercontent.com:sub\": \"repo:octo-org/octo-repo:ref:refs/heads/main\"");
        });
    }

    @ParameterizedTest(name = "{0}: the hardened variant passes lint and admits only main")
    @ValueSource(strings = {"policy-hardened.json", "github-actions-role-hardened.json"})
    void hardenedVariantPassesLintAndAdmitsOnlyMain(String fixture) {
        TrustPolicy hardened = read(fixture);

        List<String> blocking = TrustPolicyLinter.create().lint(hardened).stream()
                .filter(f -> f.severity().atLeast(Severity.WARNING)).map(LintFinding::toString).collect(Collectors.toList());
        assertThat(blocking).isEmpty();
        assertThat(explorer().explore(hardened, MATRIX).allowedCases())
                .contains("push-default-branch", "workflow-dispatch", "schedule")
                .doesNotContain("pull-request", "push-other-branch", "push-tag", "environment-production", "sibling-repo",
                        "other-org", "other-audience");
    }

    private static TrustExplorer explorer() {
        return TrustExplorer.create();
    }
}
