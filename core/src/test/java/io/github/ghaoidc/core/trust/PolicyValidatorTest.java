package io.github.ghaoidc.core.trust;

import static io.github.ghaoidc.core.trust.Policies.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** IAM's save-time checks, with AWS's exact MalformedPolicyDocument messages. */
class PolicyValidatorTest {
    private static final String SUB_MAIN = "\"StringEquals\":{" + key("sub") + ":\"repo:o/r:ref:refs/heads/main\"}";
    private static final String GUARDRAIL = "Trust policy with trusted principal " + Policies.PROVIDER
            + " must evaluate, using StringEquals, StringLike or StringEqualsIgnoreCase, "
            + "token.actions.githubusercontent.com:sub or token.actions.githubusercontent.com:job_workflow_ref "
            + "which is not scoped to all.";

    private static String withStatement(String body) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{" + body + "}}";
    }

    private static String trust(String extra, String condition) {
        return withStatement("\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + Policies.PROVIDER + "\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\"," + extra + "\"Condition\":{" + condition + "}");
    }

    private static void assertRejected(String json, String message, String path) {
        assertThatThrownBy(() -> TrustPolicy.parseForIam(json)).isInstanceOfSatisfying(MalformedPolicyException.class,
                e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.path()).isEqualTo(path);
                    assertThat(e.errorCode()).isEqualTo("MalformedPolicyDocument");
                });
    }

    @Test
    void typicalGitHubPolicyIsAccepted() {
        assertThatCode(() -> TrustPolicy.parseForIam(trust("", SUB_MAIN))).doesNotThrowAnyException();
        assertThat(TrustPolicy.parse(trust("", SUB_MAIN)).validate()).isEmpty();
    }

    @Test
    void resourceIsProhibited() {
        assertRejected(trust("\"Resource\":\"*\",", SUB_MAIN), "Has prohibited field Resource", "$.Statement.Resource");
    }

    @Test
    void operatorNamesAreCaseSensitive() {
        assertRejected(trust("", SUB_MAIN + ",\"stringEquals\":{" + key("aud") + ":\"sts.amazonaws.com\"}"),
                "Invalid Condition type : stringEquals", "$.Statement.Condition.stringEquals[\"" + Policies.PREFIX + ":aud\"]");
    }

    @Test
    void nullHasNoIfExistsForm() {
        assertRejected(trust("", SUB_MAIN + ",\"NullIfExists\":{" + key("environment") + ":\"false\"}"),
                "Invalid Condition type : NullIfExists", "$.Statement.Condition.NullIfExists[\"" + Policies.PREFIX
                        + ":environment\"]");
    }

    @Test
    void setQualifierPrefixesMustBeSpeltExactly() {
        assertRejected(trust("", SUB_MAIN + ",\"ForAnyValues:StringEquals\":{" + key("amr") + ":\"x\"}"),
                "Invalid Condition type : ForAnyValues:StringEquals",
                "$.Statement.Condition[\"ForAnyValues:StringEquals\"][\"" + Policies.PREFIX + ":amr\"]");
        assertThatCode(() -> TrustPolicy.parseForIam(trust("", SUB_MAIN
                + ",\"ForAllValues:StringLikeIfExists\":{" + key("amr") + ":\"x\"}"))).doesNotThrowAnyException();
    }

    @Test
    void conditionKeyWithSchemeHasTooManyColons() {
        assertRejected(trust("", SUB_MAIN + ",\"StringLike\":{\"https://" + Policies.PREFIX + ":aud\":\"x\"}"),
                "Condition can contain only one colon.",
                "$.Statement.Condition.StringLike[\"https://" + Policies.PREFIX + ":aud\"]");
    }

    @Test
    void federatedPrincipalMustBeDomainOrProviderArn() {
        String json = withStatement("\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"https://" + Policies.PREFIX
                + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{" + SUB_MAIN + "}");
        assertRejected(json, "Federated principals must be valid domain names or SAML metadata ARNs",
                "$.Statement.Principal.Federated");
    }

    @Test
    void malformedAwsPrincipalIsInvalid() {
        String json = withStatement("\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"not-an-arn\"},\"Action\":\"sts:AssumeRole\"");
        assertRejected(json, "Invalid principal in policy", "$.Statement.Principal.AWS");
    }

    @Test
    void gitHubGuardrailRejectsAPolicyWithoutSubCondition() {
        assertRejected(trust("", "\"StringEquals\":{" + key("aud") + ":\"sts.amazonaws.com\"}"), GUARDRAIL, "$.Statement");
    }

    @Test
    void gitHubGuardrailRejectsStarAlone() {
        assertRejected(trust("", "\"StringLike\":{" + key("sub") + ":\"*\"}"), GUARDRAIL, "$.Statement");
    }

    @Test
    void gitHubGuardrailJudgesOnlyTheFirstValue() {
        assertRejected(trust("", "\"StringLike\":{" + key("sub") + ":[\"*\",\"repo:acme/x\"]}"), GUARDRAIL, "$.Statement");
        assertThatCode(() -> TrustPolicy.parseForIam(trust("", "\"StringLike\":{" + key("sub")
                + ":[\"repo:acme/x\",\"*\"]}"))).doesNotThrowAnyException();
    }

    @Test
    void gitHubGuardrailAcceptsRepoStarAndJobWorkflowRef() {
        assertThatCode(() -> TrustPolicy.parseForIam(trust("", "\"StringLike\":{" + key("sub") + ":\"repo:*\"}")))
                .doesNotThrowAnyException();
        assertThatCode(() -> TrustPolicy.parseForIam(trust("", "\"StringEquals\":{" + key("job_workflow_ref")
                + ":\"o/r/.github/workflows/d.yml@refs/heads/main\"}"))).doesNotThrowAnyException();
    }

    @Test
    void gitHubGuardrailIgnoresOtherOperatorsAndClaims() {
        assertRejected(trust("", "\"StringNotEquals\":{" + key("sub") + ":\"repo:evil/x\"}"), GUARDRAIL, "$.Statement");
        assertRejected(trust("", "\"StringEquals\":{" + key("repository") + ":\"o/r\"}"), GUARDRAIL, "$.Statement");
        assertRejected(trust("", "\"StringEqualsIfExists\":{" + key("sub") + ":\"repo:o/r:*\"}"), GUARDRAIL,
                "$.Statement");
    }

    @Test
    void invalidJsonIsReportedWithAwsMessage() {
        assertRejected("{\"Statement\": [", "This policy contains invalid Json", "$");
    }

    @Test
    void notPrincipalAndWildcardPrincipalAreAdvisories() {
        TrustPolicy p = TrustPolicy.parse(withStatement("\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"123456789012\"},"
                + "\"Action\":\"sts:AssumeRole\""));
        assertThat(p.validate()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.ADVISORY);
            assertThat(v.path()).isEqualTo("$.Statement.NotPrincipal");
        });
        TrustPolicy star = TrustPolicy.parse(withStatement("\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\""));
        assertThat(star.validate()).extracting(PolicyViolation::kind).containsExactly(ViolationKind.ADVISORY);
        assertThatCode(star::validateForIam).doesNotThrowAnyException();
    }

    @Test
    void duplicateKeysAreReportedAsAdvisory() {
        TrustPolicy p = TrustPolicy.parse(trust("", SUB_MAIN + "," + SUB_MAIN));
        assertThat(p.validate()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.ADVISORY);
            assertThat(v.path()).isEqualTo("$.Statement.Condition.StringEquals");
            assertThat(v.message()).contains("Duplicate JSON key \"StringEquals\"");
        });
    }

    @Test
    void missingPrincipalIsRejected() {
        assertRejected(withStatement("\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\""),
                "Missing required field Principal", "$.Statement");
    }

    @Test
    void unknownVersionFailsLegacyParsing() {
        assertRejected("{\"Version\":\"2012-10-18\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"123456789012\"},\"Action\":\"sts:AssumeRole\"}}", "The policy failed legacy parsing", "$.Version");
    }

    @Test
    void validateListsEveryViolationInDocumentOrder() {
        TrustPolicy p = TrustPolicy.parse(trust("\"Resource\":\"*\",", "\"stringEquals\":{" + key("sub") + ":\"x\"}"));
        assertThat(p.validate()).extracting(PolicyViolation::message).containsExactly("Has prohibited field Resource",
                "Invalid Condition type : stringEquals", GUARDRAIL);
    }
}
