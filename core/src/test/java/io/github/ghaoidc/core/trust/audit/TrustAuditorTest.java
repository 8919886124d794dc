package io.github.ghaoidc.core.trust.audit;

import static io.github.ghaoidc.core.trust.audit.AuditPolicies.ACCOUNT;
import static io.github.ghaoidc.core.trust.audit.AuditPolicies.PROVIDER;
import static io.github.ghaoidc.core.trust.audit.AuditPolicies.role;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustAuditorTest {

    private static final List<AccountProvider> PROVIDERS = List.of(AccountProvider.of(PROVIDER));

    private static RoleAudit audit(String policy) {
        AuditReport report = TrustAuditor.create().audit(ACCOUNT, List.of(role("r", policy)), PROVIDERS);
        assertThat(report.roles()).hasSize(1);
        return report.roles().get(0);
    }

    @Test
    void legacyAudienceOnlyRoleLetsAnyoneInAndIsMarkedLegacy() {
        RoleAudit r = audit(AuditPolicies.LEGACY_AUD_ONLY);

        assertThat(r.exposure()).isEqualTo(Exposure.ANYONE);
        assertThat(r.legacy()).isTrue();
        assertThat(r.admitted()).anyMatch(a -> a.startsWith("gha-oidc-audit-outsider/probe: push to main"));
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("GHA028");
            assertThat(f.message()).contains("a role created before then keeps it");
        });
    }

    @Test
    void orgWideRoleIsExposedToEveryRepositoryOfTheOwner() {
        RoleAudit r = audit(AuditPolicies.ORG_WIDE);

        assertThat(r.exposure()).isEqualTo(Exposure.OWNERS);
        assertThat(r.owners()).containsExactly("octo-org");
        assertThat(r.legacy()).isFalse();
        assertThat(r.pullRequests()).isTrue();
    }

    @Test
    void referenceRoleAdmitsOnlyItsRepositoryButPullRequestsToo() {
        RoleAudit r = audit(AuditPolicies.REFERENCE);

        assertThat(r.exposure()).isEqualTo(Exposure.REPOSITORIES);
        assertThat(r.repositories()).containsExactly("octo-org/app");
        assertThat(r.owners()).isEmpty();
        assertThat(r.pullRequests()).isTrue();
        assertThat(r.otherBranches()).isTrue();
        assertThat(r.tags()).isTrue();
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("GHA004"));
    }

    @Test
    void hardenedRoleAdmitsItsMainBranchOnly() {
        RoleAudit r = audit(AuditPolicies.HARDENED);

        assertThat(r.exposure()).isEqualTo(Exposure.REPOSITORIES);
        assertThat(r.repositories()).containsExactly("octo-org/app");
        assertThat(r.pullRequests()).isFalse();
        assertThat(r.otherBranches()).isFalse();
        assertThat(r.tags()).isFalse();
        assertThat(r.environments()).isFalse();
        assertThat(r.admitted()).contains("octo-org/app: push to main");
    }

    @Test
    void roleTrustingOnlyAnAwsAccountIsCountedNotListed() {
        AuditReport report = TrustAuditor.create().audit(ACCOUNT,
                List.of(role("ci", AuditPolicies.ACCOUNT_ONLY), role("app", AuditPolicies.REFERENCE)), PROVIDERS);

        assertThat(report.roles()).extracting(RoleAudit::name).containsExactly("app");
        assertThat(report.skipped()).isEqualTo(1);
    }

    @Test
    void roleWhoseProviderDoesNotExistCannotBeAssumedAndSaysWhatItWouldBe() {
        AuditReport report = TrustAuditor.create().audit(ACCOUNT, List.of(role("r", AuditPolicies.LEGACY_AUD_ONLY)),
                List.of());

        RoleAudit r = report.roles().get(0);
        assertThat(r.exposure()).isEqualTo(Exposure.NOBODY);
        assertThat(r.latentExposure()).isEqualTo(Exposure.ANYONE);
        assertThat(r.missingProviders()).containsExactly(PROVIDER);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("the account has no OIDC provider " + PROVIDER
                + ": STS refuses every token for it"));
    }

    @Test
    void unreadableTrustPolicyIsAFindingOnThatRoleAndTheAuditGoesOn() {
        AuditReport report = TrustAuditor.create().audit(ACCOUNT,
                List.of(role("broken", "not json {"), role("app", AuditPolicies.HARDENED)), PROVIDERS);

        assertThat(report.roles()).extracting(RoleAudit::name).containsExactly("broken", "app");
        RoleAudit broken = report.roles().get(0);
        assertThat(broken.exposure()).isEqualTo(Exposure.UNKNOWN);
        assertThat(broken.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("GHA029");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).startsWith("the trust policy cannot be read: ");
        });
    }

    @Test
    void audienceOutsideTheProvidersClientIdsLetsNobodyIn() {
        String policy = AuditPolicies.gitHub("\"StringEquals\":{\"" + AuditPolicies.K + ":aud\":\"custom\",\""
                + AuditPolicies.K + ":sub\":\"repo:octo-org/app:ref:refs/heads/main\"}");

        RoleAudit withDefault = audit(policy);
        RoleAudit withCustom = TrustAuditor.create().audit(ACCOUNT, List.of(role("r", policy)),
                List.of(new AccountProvider(PROVIDER, List.of("custom")))).roles().get(0);

        assertThat(withDefault.exposure()).isEqualTo(Exposure.NOBODY);
        assertThat(withCustom.exposure()).isEqualTo(Exposure.REPOSITORIES);
    }

    @Test
    void publicReusableWorkflowPinLetsOutsidersCallingItIn() {
        String policy = AuditPolicies.gitHub("\"StringEquals\":{" + AuditPolicies.AUD + ",\"" + AuditPolicies.K
                + ":job_workflow_ref\":\"octo-org/shared/.github/workflows/deploy.yml@refs/heads/main\"}");

        RoleAudit r = audit(policy);

        assertThat(r.exposure()).isEqualTo(Exposure.ANYONE);
        assertThat(r.admitted()).contains("gha-oidc-audit-outsider/probe: job of gha-oidc-audit-outsider/probe calling "
                + "octo-org/shared/.github/workflows/deploy.yml@refs/heads/main");
    }

    @Test
    void enterpriseIssuerProviderIsRecognisedAndEvaluatedWithItsOwnKeyPrefix() {
        String host = AuditPolicies.K + "/acme";
        String provider = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + host;
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + provider + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\""
                + host + ":aud\":\"sts.amazonaws.com\",\"" + host + ":sub\":\"repo:acme-org/app:ref:refs/heads/main\"}}}]}";

        RoleAudit r = TrustAuditor.create().audit(ACCOUNT, List.of(role("r", policy)),
                List.of(AccountProvider.of(provider))).roles().get(0);

        assertThat(r.providers()).containsExactly(provider);
        assertThat(r.exposure()).isEqualTo(Exposure.REPOSITORIES);
        assertThat(r.repositories()).containsExactly("acme-org/app");
    }

    @Test
    void jsonHasTheDocumentedShapeWithLintsFindingObjects() {
        AuditReport report = TrustAuditor.create().audit(ACCOUNT,
                List.of(role("app", AuditPolicies.REFERENCE), role("ci", AuditPolicies.ACCOUNT_ONLY)), PROVIDERS);

        JsonNode json = report.toJsonNode();

        assertThat(json.get("account").asText()).isEqualTo(ACCOUNT);
        assertThat(json.get("skipped").asInt()).isEqualTo(1);
        JsonNode role = json.get("roles").get(0);
        assertThat(role.get("name").asText()).isEqualTo("app");
        assertThat(role.get("arn").asText()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/app");
        assertThat(role.get("exposure").asText()).isEqualTo("repositories");
        assertThat(role.get("repositories").get(0).asText()).isEqualTo("octo-org/app");
        assertThat(role.get("pullRequests").asBoolean()).isTrue();
        assertThat(role.get("legacy").asBoolean()).isFalse();
        JsonNode finding = role.get("findings").get(0);
        assertThat(finding.fieldNames()).toIterable().containsExactly("id", "severity", "path", "message", "fix");
    }

    @Test
    void markdownIsOneTableRowPerRoleWithPipesEscaped() {
        String tricky = AuditPolicies.gitHub("\"StringEquals\":{" + AuditPolicies.AUD + ",\"" + AuditPolicies.K
                + ":sub\":\"repo:octo-org/a|b:*\"}");
        AuditReport report = TrustAuditor.create().audit(ACCOUNT,
                List.of(role("legacy", AuditPolicies.LEGACY_AUD_ONLY), role("pipe", tricky)), PROVIDERS);

        String md = report.toMarkdown();

        assertThat(md).startsWith("## GitHub OIDC trust audit of account " + ACCOUNT + "\n");
        assertThat(md).contains("| role | exposure | also admits | legacy | errors | warnings |");
        assertThat(md).contains("| legacy | anyone (a workflow of an owner the policy never names gets in) | "
                + "pull requests, other branches, tags, environments | yes |");
        assertThat(md).contains("octo-org/a\\|b").doesNotContain("a|b");
        assertThat(md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| role")).count()).isEqualTo(2);
    }

    @Test
    void textNamesExposureWhoGetsInAndFindings() {
        AuditReport report = TrustAuditor.create().audit(ACCOUNT, List.of(role("org", AuditPolicies.ORG_WIDE)),
                PROVIDERS);

        assertThat(report.toText()).startsWith("account " + ACCOUNT + ": 1 role trusts GitHub, 0 other roles skipped\n")
                .contains("org (arn:aws:iam::" + ACCOUNT + ":role/org)\n  exposure: owners [octo-org] (any repository "
                        + "of these owners)\n  also admits: pull requests");
        assertThat(report.hasFindingAtLeast(Severity.WARNING)).isTrue();
    }

    @Test
    void progressIsReportedForEveryRole() {
        List<Integer> seen = new java.util.ArrayList<>();
        TrustAuditor.builder().progress(seen::add).build().audit(ACCOUNT,
                List.of(role("a", AuditPolicies.HARDENED), role("b", AuditPolicies.ACCOUNT_ONLY)), PROVIDERS);

        assertThat(seen).containsExactly(1, 2);
    }
}
