package io.github.ghaoidc.core.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GitHubClaimsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static Map<String, Object> claims(WorkflowContext c) {
        return GitHubClaims.builder().context(c).issuedAt(NOW).build().asMap();
    }

    @Test
    void pushHasExactlyTheAlwaysPresentClaims() {
        // GitHub's claims for a push (github-oidc-token facts), written out rather than taken from ClaimNames
        assertThat(claims(WorkflowContext.push("octo-org/app", "main")).keySet()).containsExactly("actor", "actor_id",
                "aud", "base_ref", "check_run_id", "event_name", "exp", "head_ref", "iat", "iss", "job_workflow_ref",
                "job_workflow_sha", "jti", "nbf", "ref", "ref_protected", "ref_type", "repository", "repository_id",
                "repository_owner", "repository_owner_id", "repository_visibility", "run_attempt", "run_id",
                "run_number", "runner_environment", "sha", "sub", "workflow", "workflow_ref", "workflow_sha");
    }

    @Test
    void keysAreInAlphabeticalOrder() {
        List<String> keys = new ArrayList<>(claims(WorkflowContext.inEnvironment("octo-org/app", "main", "prod")
                .toBuilder().enterprise("octo-ent").repoProperty("team", "platform").build()).keySet());
        assertThat(keys).isEqualTo(new ArrayList<>(new TreeSet<>(keys)));
    }

    @Test
    void onlyTimesAreNumbersEverythingElseIsAString() {
        claims(WorkflowContext.push("octo-org/app", "main").toBuilder().refProtected(true).build()).forEach((k, v) -> {
            if (List.of("exp", "iat", "nbf").contains(k)) {
                assertThat(v).as(k).isInstanceOf(Long.class);
            } else {
                assertThat(v).as(k).isInstanceOf(String.class);
            }
        });
    }

    @Test
    void lifetimeAndSkewDefaultToThreeHundredSecondsAndAreConfigurable() {
        Map<String, Object> d = claims(WorkflowContext.defaults());
        assertThat(d.get("iat")).isEqualTo(NOW.getEpochSecond());
        assertThat(d.get("exp")).isEqualTo(NOW.getEpochSecond() + 300);
        assertThat(d.get("nbf")).isEqualTo(NOW.getEpochSecond() - 300);
        Map<String, Object> old = GitHubClaims.builder().context(WorkflowContext.defaults()).issuedAt(NOW)
                .lifetime(Duration.ofMinutes(10)).notBeforeSkew(Duration.ofSeconds(600)).build().asMap();
        assertThat(old.get("exp")).isEqualTo(NOW.getEpochSecond() + 600);
        assertThat(old.get("nbf")).isEqualTo(NOW.getEpochSecond() - 600);
    }

    @Test
    void jtiIsFreshPerToken() {
        assertThat(claims(WorkflowContext.defaults()).get("jti")).isNotEqualTo(claims(WorkflowContext.defaults()).get("jti"));
    }

    @Test
    void defaultIssuerAndAudienceAreGitHubs() {
        Map<String, Object> c = claims(WorkflowContext.push("octo-org/app", "main"));
        assertThat(c.get("iss")).isEqualTo("https://token.actions.githubusercontent.com");
        assertThat(c.get("aud")).isEqualTo("https://github.com/octo-org");
    }

    @Test
    void pushDerivesConsistentRefClaims() {
        Map<String, Object> c = claims(WorkflowContext.push("octo-org/app", "main"));
        assertThat(c).containsEntry("ref", "refs/heads/main").containsEntry("ref_type", "branch")
                .containsEntry("event_name", "push").containsEntry("head_ref", "").containsEntry("base_ref", "")
                .containsEntry("repository_owner", "octo-org").containsEntry("ref_protected", "false")
                .containsEntry("workflow_ref", "octo-org/app/.github/workflows/ci.yml@refs/heads/main")
                .containsEntry("job_workflow_ref", "octo-org/app/.github/workflows/ci.yml@refs/heads/main")
                .containsEntry("workflow_sha", c.get("sha")).containsEntry("job_workflow_sha", c.get("sha"));
    }

    @Test
    void tagHasTagRefType() {
        assertThat(claims(WorkflowContext.tag("octo-org/app", "v1"))).containsEntry("ref", "refs/tags/v1")
                .containsEntry("ref_type", "tag");
    }

    @Test
    void pullRequestFillsHeadAndBaseRef() {
        assertThat(claims(WorkflowContext.pullRequest("octo-org/app", 7))).containsEntry("ref", "refs/pull/7/merge")
                .containsEntry("head_ref", "feature").containsEntry("base_ref", "main")
                .containsEntry("event_name", "pull_request");
    }

    @Test
    void environmentAddsEnvironmentClaimsOnlyWhenSet() {
        assertThat(claims(WorkflowContext.inEnvironment("octo-org/app", "main", "prod")))
                .containsEntry("environment", "prod").containsKey("environment_node_id");
        assertThat(claims(WorkflowContext.push("octo-org/app", "main"))).doesNotContainKeys("environment", "environment_node_id");
    }

    @Test
    void enterpriseAndRepoPropertiesAppearOnlyWhenSet() {
        Map<String, Object> c = claims(WorkflowContext.builder().enterprise("octo-ent").repoProperty("team", "infra").build());
        assertThat(c).containsEntry("enterprise", "octo-ent").containsKey("enterprise_id")
                .containsEntry("repo_property_team", "infra");
        assertThat(claims(WorkflowContext.defaults())).doesNotContainKeys("enterprise", "enterprise_id");
    }

    @Test
    void reusableWorkflowDescribesCalleeInJobWorkflowClaimsAndCallerElsewhere() {
        String callee = "octo-org/shared/.github/workflows/deploy.yml@refs/tags/v2";
        Map<String, Object> c = claims(WorkflowContext.reusableWorkflow("octo-org/app", "main", callee));
        assertThat(c).containsEntry("job_workflow_ref", callee)
                .containsEntry("workflow_ref", "octo-org/app/.github/workflows/ci.yml@refs/heads/main")
                .containsEntry("sub", "repo:octo-org/app:ref:refs/heads/main");
        assertThat(c.get("job_workflow_sha")).isNotEqualTo(c.get("sha"));
    }

    @Test
    void overrideClaimReplacesOrRemoves() {
        Map<String, Object> c = GitHubClaims.builder().context(WorkflowContext.defaults()).issuedAt(NOW)
                .claim("aud", "sts.amazonaws.com").claim("actor", null).build().asMap();
        assertThat(c).containsEntry("aud", "sts.amazonaws.com").doesNotContainKey("actor");
    }

    @Test
    void sameContextYieldsSameClaimsApartFromJti() {
        Map<String, Object> a = new java.util.TreeMap<>(claims(WorkflowContext.push("o/r", "main")));
        Map<String, Object> b = new java.util.TreeMap<>(claims(WorkflowContext.push("o/r", "main")));
        a.remove("jti");
        b.remove("jti");
        assertThat(a).isEqualTo(b);
    }
}
