package io.github.ghaoidc.core.trust.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.trust.PolicyParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LintFindingsTest {

    private static final String K = "token.actions.githubusercontent.com";

    @Test
    void caseVariantsOfAConditionKeyAreReported() {
        String policy = LintRulesTest.gh("\"StringEquals\":{\"" + K + ":aud\":\"sts.amazonaws.com\",\"" + K
                + ":sub\":\"repo:o/r:ref:refs/heads/main\",\"" + K.toUpperCase() + ":SUB\":\"repo:o/r:ref:refs/heads/dev\"}");

        List<LintFinding> findings = LintRulesTest.findings(policy, "GHA013");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.path()).isEqualTo("$.Statement[0].Condition.StringEquals[\"" + K.toUpperCase() + ":SUB\"]");
            assertThat(f.message()).contains("differ only in case");
        });
    }

    @Test
    void exactDuplicateNamesThePathAndCount() {
        String policy = LintRulesTest.gh("\"StringEquals\":{\"" + K + ":aud\":\"sts.amazonaws.com\"},"
                + "\"StringEquals\":{\"" + K + ":sub\":\"repo:o/r:ref:refs/heads/main\"}");

        assertThat(LintRulesTest.findings(policy, "GHA013")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.path()).isEqualTo("$.Statement[0].Condition.StringEquals");
            assertThat(f.message()).contains("occurs 2 times");
        });
    }

    @Test
    void notPrincipalAndWildcardPrincipalAreReported() {
        String notPrincipal = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":"
                + "{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";
        String star = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";

        assertThat(LintRulesTest.findings(notPrincipal, "GHA014")).extracting(LintFinding::path)
                .containsExactly("$.Statement[0].NotPrincipal");
        assertThat(LintRulesTest.findings(star, "GHA014")).extracting(LintFinding::path)
                .containsExactly("$.Statement[0].Principal");
    }

    @Test
    void wrongOperatorCaseSuggestsTheRightSpelling() {
        String policy = LintRulesTest.gh("\"forAnyValue:stringlike\":{\"" + K + ":sub\":\"repo:o/r:ref:refs/heads/main\"}");

        assertThat(LintRulesTest.findings(policy, "GHA012")).singleElement()
                .satisfies(f -> assertThat(f.fix()).isEqualTo("write it as ForAnyValue:StringLike"));
    }

    @Test
    void findingsComeMostSevereFirst() {
        String policy = LintRulesTest.gh("\"StringLike\":{\"" + K + ":sub\":\"repo:octo-org/*\"}");

        List<LintFinding> findings = TrustPolicyLinter.create().lint(policy);

        assertThat(findings).extracting(LintFinding::severity).isSortedAccordingTo(Enum::compareTo);
        assertThat(findings).extracting(LintFinding::ruleId).contains("GHA003", "GHA004", "GHA017");
    }

    @Test
    void configuredAudiencesReplaceTheDefault() {
        String policy = LintRulesTest.gh("\"StringEquals\":{\"" + K + ":aud\":\"https://github.com/octo-org\",\""
                + K + ":sub\":\"repo:o/r:ref:refs/heads/main\"}");

        assertThat(TrustPolicyLinter.create().lint(policy)).extracting(LintFinding::ruleId).contains("GHA017");
        assertThat(TrustPolicyLinter.builder().audiences(List.of("https://github.com/octo-org")).build().lint(policy))
                .extracting(LintFinding::ruleId).doesNotContain("GHA017");
    }

    @Test
    void textThatIsNotAPolicyIsAParseError() {
        assertThatThrownBy(() -> TrustPolicyLinter.create().lint("{\"Statement\": 5}"))
                .isInstanceOf(PolicyParseException.class);
    }

    @Test
    void repositoryOnlyCustomSubjectIsReportedAsAdmittingEveryEvent() {
        String policy = LintRulesTest.gh(LintRulesTest.equalsSub("\"repo:octo-org/octo-repo\""));

        assertThat(LintRulesTest.findings(policy, "GHA004")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("pull requests included"));
    }

    @Test
    void wildcardInTheOwnerNameIsReportedAsAdmittingLookAlikes() {
        String policy = LintRulesTest.gh(LintRulesTest.like("\"repo:octo-org*/octo-repo:ref:refs/heads/main\""));

        assertThat(LintRulesTest.findings(policy, "GHA003")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("wildcard in the owner name"));
        assertThat(LintRulesTest.findings(policy, "GHA002")).isEmpty();
    }

    @Test
    void environmentFollowedByAnotherClaimOfACustomSubjectIsNotARawColon() {
        String custom = LintRulesTest.gh(LintRulesTest.equalsSub(
                "\"repo:o/r:environment:prod:job_workflow_ref:o/w/.github/workflows/d.yml@refs/heads/main\""));
        String raw = LintRulesTest.gh(LintRulesTest.equalsSub("\"repo:o/r:environment:Prod:V1:ref:refs/heads/main\""));

        assertThat(LintRulesTest.findings(custom, "GHA026")).isEmpty();
        assertThat(LintRulesTest.findings(raw, "GHA026")).singleElement()
                .satisfies(f -> assertThat(f.fix()).isEqualTo("write \"repo:o/r:environment:Prod%3AV1:ref:refs/heads/main\""));
    }
}
