package io.github.ghaoidc.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsed model: single values or arrays, operators, JSON paths, duplicates. */
class TrustPolicyParseTest {
    private static final String TYPICAL = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "GitHub",
                  "Effect": "Allow",
                  "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
                  "Action": ["sts:AssumeRoleWithWebIdentity", "sts:TagSession"],
                  "Condition": {
                    "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                    "ForAnyValue:StringLikeIfExists": {"token.actions.githubusercontent.com:sub": ["repo:o/r:*", 5, true]}
                  }
                },
                {"Effect": "Deny", "NotPrincipal": {"AWS": ["123456789012"]}, "NotAction": "sts:TagSession"}
              ]
            }
            """;

    @Test
    void typicalPolicyIsReadIntoTheModel() {
        TrustPolicy p = TrustPolicy.parse(TYPICAL);

        assertThat(p.version()).isEqualTo("2012-10-17");
        assertThat(p.policyVariablesEnabled()).isTrue();
        assertThat(p.statements()).hasSize(2);
        PolicyStatement s0 = p.statements().get(0);
        assertThat(s0.sid()).isEqualTo("GitHub");
        assertThat(s0.effect()).isEqualTo(Effect.ALLOW);
        assertThat(s0.path()).isEqualTo("$.Statement[0]");
        assertThat(s0.principal().valuesOf("Federated")).containsExactly(Policies.PROVIDER);
        assertThat(s0.principal().path()).isEqualTo("$.Statement[0].Principal");
        assertThat(s0.action()).containsExactly("sts:AssumeRoleWithWebIdentity", "sts:TagSession");
        assertThat(s0.notAction()).isNull();
        assertThat(s0.conditions()).hasSize(2);
        PolicyCondition like = s0.conditions().get(1);
        assertThat(like.rawOperator()).isEqualTo("ForAnyValue:StringLikeIfExists");
        assertThat(like.operator().base()).isEqualTo(BaseOperator.STRING_LIKE);
        assertThat(like.operator().qualifier()).isEqualTo(SetQualifier.FOR_ANY_VALUE);
        assertThat(like.operator().ifExists()).isTrue();
        assertThat(like.key()).isEqualTo("token.actions.githubusercontent.com:sub");
        assertThat(like.values()).containsExactly("repo:o/r:*", "5", "true");
        assertThat(like.path()).isEqualTo(
                "$.Statement[0].Condition[\"ForAnyValue:StringLikeIfExists\"][\"token.actions.githubusercontent.com:sub\"]");
        assertThat(s0.conditions().get(0).path()).isEqualTo(
                "$.Statement[0].Condition.StringEquals[\"token.actions.githubusercontent.com:aud\"]");

        PolicyStatement s1 = p.statements().get(1);
        assertThat(s1.effect()).isEqualTo(Effect.DENY);
        assertThat(s1.principal()).isNull();
        assertThat(s1.notPrincipal().valuesOf("AWS")).containsExactly("123456789012");
        assertThat(s1.action()).isNull();
        assertThat(s1.notAction()).containsExactly("sts:TagSession");
        assertThat(p.duplicateKeys()).isEmpty();
        assertThat(p.source()).isEqualTo(TYPICAL);
        assertThat(p.json().get("Statement").get(0).get("Sid").asText()).isEqualTo("GitHub");
    }

    @Test
    void statementMayBeASingleObjectAndPrincipalTheWildcard() {
        TrustPolicy p = TrustPolicy.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\","
                + "\"Resource\":[\"*\"]}}");
        assertThat(p.version()).isNull();
        assertThat(p.policyVariablesEnabled()).isFalse();
        PolicyStatement s = p.statements().get(0);
        assertThat(s.path()).isEqualTo("$.Statement");
        assertThat(s.principal().isWildcard()).isTrue();
        assertThat(s.hasResource()).isTrue();
        assertThat(s.hasNotResource()).isFalse();
    }

    @Test
    void duplicateKeysKeepTheLastOccurrenceAndAreRecorded() {
        TrustPolicy p = TrustPolicy.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRoleWithWebIdentity",
                 "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
                 "Condition":{
                   "StringEquals":{"token.actions.githubusercontent.com:sub":"repo:o/r:ref:refs/heads/main"},
                   "StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}}}
                """);
        assertThat(p.duplicateKeys()).containsExactly(new DuplicateKey("$.Statement.Condition.StringEquals", "StringEquals", 2));
        assertThat(p.statements().get(0).conditions()).extracting(PolicyCondition::key)
                .containsExactly("token.actions.githubusercontent.com:aud");
        assertThat(p.json().at("/Statement/Condition/StringEquals").has("token.actions.githubusercontent.com:aud")).isTrue();
    }

    @Test
    void unknownOperatorParsesButIsNotRecognised() {
        ConditionOperator op = ConditionOperator.parse("stringEquals");
        assertThat(op.isRecognised()).isFalse();
        assertThat(op.base()).isNull();
        assertThat(ConditionOperator.parse("NullIfExists").isRecognised()).isFalse();
        assertThat(ConditionOperator.parse("ForAllValues:NumericLessThanEqualsIfExists").base())
                .isEqualTo(BaseOperator.NUMERIC_LESS_THAN_EQUALS);
    }

    @Test
    void modelCanBeBuiltInCodeAndEvaluated() {
        PolicyStatement s = PolicyStatement.builder().effect(Effect.ALLOW)
                .principal(PolicyPrincipal.builder().put("Federated", List.of(Policies.PROVIDER)).build())
                .action(List.of("sts:AssumeRoleWithWebIdentity"))
                .conditions(List.of(PolicyCondition.builder().operator("StringLike").key(Policies.PREFIX + ":sub")
                        .values(List.of("repo:o/r:*")).build()))
                .build();
        TrustPolicy p = TrustPolicy.builder().version("2012-10-17").statements(List.of(s)).build();
        assertThat(Policies.decide(p, java.util.Map.of("sub", "repo:o/r:pull_request"))).isEqualTo(Decision.ALLOW);
        assertThat(p.json()).isNull();
    }
}
