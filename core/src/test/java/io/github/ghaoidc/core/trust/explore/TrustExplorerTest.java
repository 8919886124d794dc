package io.github.ghaoidc.core.trust.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.core.trust.Decision;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrustExplorerTest {

    private static final String PROVIDER = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
    private static final ContextMatrix MATRIX = ContextMatrix.builder().repository("octo-org/octo-repo")
            .environments(List.of("staging", "production")).build();

    private static TrustPolicy policy(String statements) {
        return TrustPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}");
    }

    private static String allow(String sid, String condition) {
        return "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + PROVIDER + "\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{" + condition + "}}";
    }

    private static Map<String, ExplorationCase> byName() {
        return MATRIX.cases().stream().collect(Collectors.toMap(ExplorationCase::name, Function.identity()));
    }

    @Test
    void matrixCoversEveryContextKindWithGitHubsSubjects() {
        Map<String, ExplorationCase> cases = byName();

        assertThat(cases.keySet()).containsExactlyInAnyOrder("push-default-branch", "push-other-branch",
                "push-nested-branch", "push-tag", "pull-request", "environment-staging", "environment-production",
                "workflow-dispatch", "schedule", "reusable-workflow-other-repo", "other-repo-calling-this-workflow",
                "sibling-repo", "other-org", "immutable-subject", "renamed-repo", "recycled-name", "other-audience",
                "enterprise-issuer");
        assertThat(cases.get("push-nested-branch").subject()).isEqualTo("repo:octo-org/octo-repo:ref:refs/heads/release/v2");
        assertThat(cases.get("push-tag").subject()).isEqualTo("repo:octo-org/octo-repo:ref:refs/tags/v1.2.0");
        assertThat(cases.get("pull-request").subject()).isEqualTo("repo:octo-org/octo-repo:pull_request");
        assertThat(cases.get("environment-production").subject()).isEqualTo("repo:octo-org/octo-repo:environment:production");
        assertThat(cases.get("reusable-workflow-other-repo").claims().get("job_workflow_ref"))
                .isEqualTo("octo-org/shared-workflows/.github/workflows/deploy.yml@refs/heads/main");
        assertThat(cases.get("renamed-repo").subject()).matches("repo:octo-org@\\d+/octo-repo-renamed@\\d+:ref:refs/heads/main");
        assertThat(cases.get("renamed-repo").claims().get("repository_id"))
                .isEqualTo(cases.get("push-default-branch").claims().get("repository_id"));
        assertThat(cases.get("recycled-name").claims().get("repository_id"))
                .isNotEqualTo(cases.get("push-default-branch").claims().get("repository_id"));
        assertThat(cases.get("other-audience").audience()).isEqualTo("https://github.com/octo-org");
        assertThat(cases.get("enterprise-issuer").issuer()).isEqualTo("https://token.actions.githubusercontent.com/acme");
    }

    @Test
    void environmentPinnedPolicyAdmitsOnlyThatEnvironmentAndNamesTheDecidingStatement() {
        TrustPolicy policy = policy(allow("ProdDeploy", "\"StringEquals\":{\"token.actions.githubusercontent.com:sub\":"
                + "\"repo:octo-org/octo-repo:environment:production\",\"token.actions.githubusercontent.com:aud\":\"sts.amazonaws.com\"}"));

        ExplorationReport report = TrustExplorer.create().explore(policy, MATRIX);

        assertThat(report.allowedCases()).containsExactly("environment-production");
        ExplorationResult prod = report.results().stream().filter(ExplorationResult::allowed).findFirst().orElseThrow();
        assertThat(prod.decidingStatement()).isEqualTo("$.Statement[0] (ProdDeploy)");
        assertThat(report.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/explored-role");
    }

    @Test
    void deniedContextSaysWhichConditionFailedAndWhatTheTokenCarried() {
        TrustPolicy policy = policy(allow("Main", "\"StringEquals\":{\"token.actions.githubusercontent.com:sub\":"
                + "\"repo:octo-org/octo-repo:ref:refs/heads/main\"}"));

        ExplorationResult pr = TrustExplorer.create().explore(policy, MATRIX).results().stream()
                .filter(r -> r.explorationCase().name().equals("pull-request")).findFirst().orElseThrow();

        assertThat(pr.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(pr.decidingStatement()).isNull();
        assertThat(pr.reason()).isEqualTo("StringEquals token.actions.githubusercontent.com:sub failed "
                + "(token has repo:octo-org/octo-repo:pull_request)");
    }

    @Test
    void explicitDenyIsReportedWithItsStatement() {
        TrustPolicy policy = policy(allow("Any", "\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:octo-org/*\"}")
                + ",{\"Sid\":\"NoPRs\",\"Effect\":\"Deny\",\"Principal\":{\"Federated\":\"" + PROVIDER + "\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                + "{\"token.actions.githubusercontent.com:sub\":\"*:pull_request\"}}}");

        ExplorationReport report = TrustExplorer.create().explore(policy, MATRIX);

        ExplorationResult pr = report.results().stream()
                .filter(r -> r.explorationCase().name().equals("pull-request")).findFirst().orElseThrow();
        assertThat(pr.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(pr.reason()).isEqualTo("denied by $.Statement[1] (NoPRs)");
        assertThat(report.allowedCases()).contains("sibling-repo").doesNotContain("other-org", "pull-request");
    }

    @Test
    void enterpriseIssuerIsDeniedByThePrincipalOfAGitHubComPolicy() {
        TrustPolicy policy = policy(allow("Any", "\"StringLike\":{\"token.actions.githubusercontent.com:sub\":\"repo:octo-org/*\"}"));

        ExplorationResult enterprise = TrustExplorer.create().explore(policy, MATRIX).results().stream()
                .filter(r -> r.explorationCase().name().equals("enterprise-issuer")).findFirst().orElseThrow();

        assertThat(enterprise.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(enterprise.reason()).startsWith("principal of $.Statement[0] (Any) does not match");
    }

    @Test
    void reportReadsAsATableAndAsJson() throws Exception {
        TrustPolicy policy = policy(allow("Main", "\"StringEquals\":{\"token.actions.githubusercontent.com:sub\":"
                + "\"repo:octo-org/octo-repo:ref:refs/heads/main\"}"));
        ExplorationReport report = TrustExplorer.create().explore(policy, MATRIX);

        assertThat(report.toText()).contains("CASE", "push-default-branch", "ALLOW", "allowed by $.Statement[0] (Main)",
                "sub=repo:octo-org/octo-repo:ref:refs/heads/main", report.allowedCases().size() + " of 18 contexts allowed");
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("results")).hasSize(18);
        assertThat(json.at("/results/0/case").asText()).isEqualTo("push-default-branch");
        assertThat(json.at("/results/0/decision").asText()).isEqualTo("ALLOW");
        assertThat(json.at("/results/4/decidingStatement").isNull()).isTrue();
    }

    @Test
    void repositoryMustBeOwnerSlashName() {
        assertThatThrownBy(() -> ContextMatrix.builder().repository("octo-repo").build())
                .isInstanceOf(TrustPolicyException.class)
                .hasMessageContaining("repository must be OWNER/REPO");
    }
}
