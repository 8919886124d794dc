package io.github.ghaoidc.core.trust;

import static io.github.ghaoidc.core.trust.Policies.allowWhen;
import static io.github.ghaoidc.core.trust.Policies.decide;
import static io.github.ghaoidc.core.trust.Policies.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tricky cases 1–17 of the trust-policy facts sheet, each with AWS's expected result. */
class TrickyCasesTest {
    private static final String MAIN = "repo:org/app:ref:refs/heads/main";

    @Test
    void case01StringEqualsTreatsStarLiterally() {
        TrustPolicy p = allowWhen("\"StringEquals\":{" + key("sub") + ":\"repo:org/*\"}");
        assertThat(decide(p, Map.of("sub", MAIN))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void case02ForAllValuesPassesWhenEnvironmentAbsent() {
        TrustPolicy p = allowWhen("\"ForAllValues:StringEquals\":{" + key("environment") + ":\"prod\"}");
        assertThat(decide(p, Map.of("sub", MAIN))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void case03ForAnyValueFailsWhenEnvironmentAbsent() {
        TrustPolicy p = allowWhen("\"ForAnyValue:StringEquals\":{" + key("environment") + ":\"prod\"}");
        assertThat(decide(p, Map.of("sub", MAIN))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void case04KeysUnderOneOperatorAreAnded() {
        TrustPolicy p = allowWhen("\"StringEquals\":{" + key("aud") + ":\"sts.amazonaws.com\"," + key("sub")
                + ":\"" + MAIN + "\"}");
        assertThat(decide(p, Map.of("aud", "sts.amazonaws.com", "sub", "repo:org/app:ref:refs/heads/dev")))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(p, Map.of("aud", "sts.amazonaws.com", "sub", MAIN))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void case05ValuesOfOneKeyAreOred() {
        TrustPolicy p = allowWhen("\"StringLike\":{" + key("sub") + ":[\"repo:o/a:*\",\"repo:o/b:*\"]}");
        assertThat(decide(p, Map.of("sub", "repo:o/b:pull_request"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void case06NegatedOperatorWithSeveralValuesIsNor() {
        TrustPolicy p = allowWhen("\"StringNotEquals\":{" + key("sub") + ":[\"x\",\"y\"]}");
        assertThat(decide(p, Map.of("sub", "y"))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(p, Map.of("sub", "z"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void case07NegatedOperatorOnMissingKeyIsTrue() {
        TrustPolicy p = allowWhen("\"StringNotEquals\":{" + key("environment") + ":\"dev\"}");
        assertThat(decide(p, Map.of("sub", MAIN))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void case08KeyNamesAreCaseInsensitive() {
        TrustPolicy p = allowWhen("\"StringEquals\":{\"TOKEN.ACTIONS.GITHUBUSERCONTENT.COM:SUB\":\"" + MAIN + "\"}");
        assertThat(decide(p, Map.of("sub", MAIN))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void case09ValuesAreCaseSensitiveUnlessIgnoreCase() {
        String sub = "repo:Octo-Org/app:ref:refs/heads/main";
        TrustPolicy exact = allowWhen("\"StringEquals\":{" + key("sub") + ":\"repo:octo-org/app:ref:refs/heads/main\"}");
        TrustPolicy folded = allowWhen("\"StringEqualsIgnoreCase\":{" + key("sub")
                + ":\"repo:octo-org/app:ref:refs/heads/main\"}");
        assertThat(decide(exact, Map.of("sub", sub))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(folded, Map.of("sub", sub))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void case10BranchPrefixWithoutTerminatorAdmitsLongerNames() {
        TrustPolicy p = allowWhen("\"StringLike\":{" + key("sub") + ":\"repo:org/app:ref:refs/heads/main*\"}");
        assertThat(decide(p, Map.of("sub", MAIN))).isEqualTo(Decision.ALLOW);
        assertThat(decide(p, Map.of("sub", MAIN + "-hotfix"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void case11LegacyPatternDoesNotMatchImmutableSubject() {
        TrustPolicy p = allowWhen("\"StringLike\":{" + key("sub") + ":\"repo:o/r:*\"}");
        assertThat(decide(p, Map.of("sub", "repo:o@1/r@2:ref:refs/heads/main"))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void case12UnexposedClaimBehavesAsMissingKey() {
        TrustPolicy positive = allowWhen("\"StringEquals\":{" + key("repository_owner") + ":\"org\"}");
        TrustPolicy negated = allowWhen("\"StringNotEquals\":{" + key("repository_owner") + ":\"evil\"}");
        Map<String, String> claims = Map.of("sub", MAIN, "repository_owner", "org");
        assertThat(decide(positive, claims)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(negated, Map.of("sub", MAIN, "repository_owner", "evil"))).isEqualTo(Decision.ALLOW);
        assertThat(Policies.request(claims).requestContext()).doesNotContainKey(Policies.PREFIX + ":repository_owner");
    }

    @Test
    void case13ExplicitDenyWinsOverAllow() {
        TrustPolicy p = TrustPolicy.parse(Policies.statements(
                Policies.statement("Allow", "\"StringEquals\":{" + key("aud") + ":\"sts.amazonaws.com\"}"),
                Policies.statement("Deny", "\"StringNotLike\":{" + key("sub") + ":\"repo:org/*\"}")));
        assertThat(decide(p, Map.of("aud", "sts.amazonaws.com", "sub", "repo:evil/x:ref:refs/heads/main")))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(decide(p, Map.of("aud", "sts.amazonaws.com", "sub", MAIN))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void case14IfExistsPassesWhenKeyAbsent() {
        TrustPolicy p = allowWhen("\"StringEqualsIfExists\":{" + key("environment") + ":\"prod\"}");
        assertThat(decide(p, Map.of("sub", MAIN))).isEqualTo(Decision.ALLOW);
        assertThat(decide(p, Map.of("sub", MAIN, "environment", "dev"))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void case15NullFalseRequiresThePresenceOfTheKey() {
        TrustPolicy p = allowWhen("\"Null\":{" + key("environment") + ":\"false\"},\"StringEquals\":{"
                + key("environment") + ":\"prod\"}");
        assertThat(decide(p, Map.of("sub", MAIN))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(p, Map.of("sub", MAIN, "environment", "prod"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void case16GhecIssuerKeysDoNotAnswerToTheDefaultPrefix() {
        String ghec = "token.actions.githubusercontent.com/acme";
        TrustPolicy p = TrustPolicy.parse(Policies.statements("{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::123456789012:oidc-provider/" + ghec + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
                + "\"Condition\":{\"StringEquals\":{" + key("sub") + ":\"" + MAIN + "\"}}}"));
        TrustRequest request = TrustRequest.builder().issuer("https://" + ghec).claims(Map.of("sub", MAIN)).build();
        assertThat(request.requestContext()).containsKey(ghec + ":sub");
        assertThat(TrustEvaluator.create().evaluate(p, request)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void case17ColonInEnvironmentNameIsEncodedInSubject() {
        String sub = "repo:org/app:environment:Production%3AV1";
        TrustPolicy raw = allowWhen("\"StringEquals\":{" + key("sub") + ":\"repo:org/app:environment:Production:V1\"}");
        TrustPolicy encoded = allowWhen("\"StringEquals\":{" + key("sub") + ":\"" + sub + "\"}");
        assertThat(decide(raw, Map.of("sub", sub))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(encoded, Map.of("sub", sub))).isEqualTo(Decision.ALLOW);
    }
}
