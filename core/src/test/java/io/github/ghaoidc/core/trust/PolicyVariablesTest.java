package io.github.ghaoidc.core.trust;

import static io.github.ghaoidc.core.trust.Policies.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Policy variables: substituted under 2012-10-17 only, in String and Arn operators only. */
class PolicyVariablesTest {
    private static TrustPolicy policy(String version, String condition) {
        String v = version == null ? "" : "\"Version\":\"" + version + "\",";
        return TrustPolicy.parse("{" + v + "\"Statement\":[" + Policies.statement("Allow", condition) + "]}");
    }

    private static Decision decide(TrustPolicy p, Map<String, ?> claims) {
        return Policies.decide(p, claims);
    }

    @Test
    void variableIsSubstitutedUnder2012Version() {
        TrustPolicy p = policy("2012-10-17", "\"StringEquals\":{" + key("sub") + ":\"repo:${"
                + Policies.PREFIX + ":repository}:ref:refs/heads/main\"}");
        assertThat(decide(p, Map.of("sub", "repo:o/r:ref:refs/heads/main", "repository", "o/r"))).isEqualTo(Decision.ALLOW);
        assertThat(decide(p, Map.of("sub", "repo:o/r:ref:refs/heads/main", "repository", "o/x")))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void variableIsLiteralTextUnderLegacyOrMissingVersion() {
        String literal = "repo:${" + Policies.PREFIX + ":repository}";
        for (String version : new String[] {"2008-10-17", null}) {
            TrustPolicy p = policy(version, "\"StringEquals\":{" + key("sub") + ":\"" + literal + "\"}");
            assertThat(decide(p, Map.of("sub", literal, "repository", "o/r"))).as("version %s", version)
                    .isEqualTo(Decision.ALLOW);
            assertThat(decide(p, Map.of("sub", "repo:o/r", "repository", "o/r"))).isEqualTo(Decision.IMPLICIT_DENY);
        }
    }

    @Test
    void missingVariableWithoutDefaultNeverMatches() {
        TrustPolicy p = policy("2012-10-17", "\"StringLike\":{" + key("sub") + ":\"repo:${" + Policies.PREFIX
                + ":repository}:*\"}");
        assertThat(decide(p, Map.of("sub", "repo::x"))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void valueWithMissingVariableMatchesNothingButOtherValuesStillCount() {
        TrustPolicy p = policy("2012-10-17", "\"StringLike\":{" + key("sub") + ":[\"repo:${" + Policies.PREFIX
                + ":repository}:*\",\"repo:o/r:*\"]}");
        assertThat(decide(p, Map.of("sub", "repo:o/r:pull_request"))).isEqualTo(Decision.ALLOW);
        TrustPolicy negated = policy("2012-10-17", "\"StringNotEquals\":{" + key("sub") + ":\"${" + Policies.PREFIX
                + ":repository}\"}");
        assertThat(decide(negated, Map.of("sub", "x"))).isEqualTo(Decision.ALLOW);
        Explanation e = TrustEvaluator.create().explain(p, Policies.request(Map.of("sub", "repo:o/r:pull_request")));
        assertThat(e.statements().get(0).conditions().get(0).policyValues().get(0).resolved()).isNull();
        assertThat(e.statements().get(0).conditions().get(0).note()).contains("no value in this request and no default");
    }

    @Test
    void defaultIsUsedWhenTheKeyIsAbsent() {
        TrustPolicy p = policy("2012-10-17", "\"StringEquals\":{" + key("sub") + ":\"env:${" + Policies.PREFIX
                + ":environment, 'none'}\"}");
        assertThat(decide(p, Map.of("sub", "env:none"))).isEqualTo(Decision.ALLOW);
        assertThat(decide(p, Map.of("sub", "env:prod", "environment", "prod"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void escapesAreLiteralCharactersEvenUnderStringLike() {
        TrustPolicy p = policy("2012-10-17", "\"StringLike\":{" + key("sub") + ":\"a${*}b${?}c${$}d*\"}");
        assertThat(decide(p, Map.of("sub", "a*b?c$d-tail"))).isEqualTo(Decision.ALLOW);
        assertThat(decide(p, Map.of("sub", "aXbYc$d"))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void substitutedValueIsMatchedLiterally() {
        TrustPolicy p = policy("2012-10-17", "\"StringLike\":{" + key("sub") + ":\"${" + Policies.PREFIX + ":actor}\"}");
        assertThat(decide(p, Map.of("sub", "anything", "actor", "*"))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(p, Map.of("sub", "*", "actor", "*"))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void variablesAreNotSubstitutedInNumericOperators() {
        TrustPolicy p = policy("2012-10-17", "\"NumericEquals\":{" + key("repository_id") + ":\"${" + Policies.PREFIX
                + ":actor_id}\"}");
        assertThat(decide(p, Map.of("sub", "x", "repository_id", "5", "actor_id", "5"))).isEqualTo(Decision.IMPLICIT_DENY);
    }
}
