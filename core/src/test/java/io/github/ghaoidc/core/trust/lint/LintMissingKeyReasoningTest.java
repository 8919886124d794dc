package io.github.ghaoidc.core.trust.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lint reasons about a missing claim as AWS evaluates it: under {@code ForAnyValue:} a missing claim fails
 * the condition even with {@code IfExists}; under {@code ForAllValues:} it passes even without.
 */
class LintMissingKeyReasoningTest {

    private static final String K = "token.actions.githubusercontent.com";
    private static final String PINNED = "\"StringEquals\":{\"" + K + ":aud\":\"sts.amazonaws.com\",\"" + K
            + ":sub\":\"repo:o/r:ref:refs/heads/main\"}";

    @Test
    void forAnyValueIfExistsOnAnOptionalClaimIsNotCalledTrueWhenTheClaimIsMissing() {
        String policy = LintRulesTest.gh(PINNED + ",\"ForAnyValue:StringEqualsIfExists\":{\"" + K
                + ":environment\":\"prod\"}");

        assertThat(LintRulesTest.findings(policy, "GHA008")).isEmpty();
    }

    @Test
    void plainIfExistsOnAnOptionalClaimStillWarnsThatJobsWithoutItPass() {
        String policy = LintRulesTest.gh(PINNED + ",\"StringEqualsIfExists\":{\"" + K + ":environment\":\"prod\"}");

        assertThat(LintRulesTest.findings(policy, "GHA008")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.path()).isEqualTo("$.Statement[0].Condition.StringEqualsIfExists[\"" + K + ":environment\"]");
            assertThat(f.message()).startsWith("StringEqualsIfExists is true when the token has no environment claim");
            assertThat(f.fix()).isEqualTo("drop IfExists so that a missing environment fails the condition");
        });
    }

    @Test
    void forAnyValueIfExistsSaysIfExistsChangesNothingAndNeverAdvisesPlainIfExists() {
        String policy = LintRulesTest.gh(PINNED + ",\"ForAnyValue:StringEqualsIfExists\":{\"" + K
                + ":environment\":\"prod\"}");

        assertThat(LintRulesTest.findings(policy, "GHA007")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("IfExists changes nothing here: ForAnyValue is false when the claim is "
                    + "absent, so a job without environment fails this condition");
            assertThat(f.fix()).isEqualTo("use plain StringEquals");
        });
    }

    @Test
    void forAnyValueWithANegatedOperatorAdvisesRequiringTheClaim() {
        String policy = LintRulesTest.gh(PINNED + ",\"ForAnyValue:StringNotEquals\":{\"" + K + ":environment\":\"dev\"}");

        assertThat(LintRulesTest.findings(policy, "GHA007")).singleElement()
                .satisfies(f -> assertThat(f.fix()).isEqualTo("use plain StringNotEquals with \"Null\": {\"" + K
                        + ":environment\": \"false\"} (a missing claim fails ForAnyValue but passes plain StringNotEquals)"));
    }

    @Test
    void forAllValuesIfExistsAdvisesDroppingBothQualifierAndIfExists() {
        String policy = LintRulesTest.gh(PINNED + ",\"ForAllValues:StringEqualsIfExists\":{\"" + K
                + ":environment\":\"prod\"}");

        assertThat(LintRulesTest.findings(policy, "GHA006")).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("ForAllValues is true when the token has no environment claim at all "
                    + "(with or without IfExists)");
            assertThat(f.fix()).isEqualTo("use plain StringEquals (a missing claim then fails the condition)");
        });
    }

    @Test
    void hiddenClaimUnderForAnyValueIfExistsNeverMatches() {
        String policy = LintRulesTest.gh(PINNED + ",\"ForAnyValue:StringEqualsIfExists\":{\"" + K
                + ":repository_owner\":\"o\"}");

        assertThat(LintRulesTest.findings(policy, "GHA009")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("never matches: the statement never applies"));
    }
}
