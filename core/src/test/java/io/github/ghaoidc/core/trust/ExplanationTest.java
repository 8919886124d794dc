package io.github.ghaoidc.core.trust;

import static io.github.ghaoidc.core.trust.Policies.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A denied user sees which condition failed and what the token carried, as text, data and JSON. */
class ExplanationTest {
    private static final TrustPolicy POLICY = TrustPolicy.parse(Policies.statements(
            Policies.statement("Allow", "\"StringEquals\":{" + key("aud") + ":\"sts.amazonaws.com\"},"
                    + "\"StringLike\":{" + key("sub") + ":[\"repo:o/r:ref:refs/heads/main\",\"repo:o/r:environment:prod\"]}"),
            Policies.statement("Deny", "\"StringEquals\":{" + key("actor") + ":\"mallory\"}")));
    private static final TrustRequest PULL_REQUEST = Policies.request(Map.of("sub", "repo:o/r:pull_request",
            "aud", "sts.amazonaws.com", "actor", "octocat"));

    @Test
    void structuredExplanationNamesTheFailedConditionAndTheTokenValue() {
        Explanation e = TrustEvaluator.create().explain(POLICY, PULL_REQUEST);

        assertThat(e.decision()).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(e.decidingStatements()).isEmpty();
        StatementExplanation allow = e.statements().get(0);
        assertThat(allow.principalMatched()).isTrue();
        assertThat(allow.actionMatched()).isTrue();
        assertThat(allow.matched()).isFalse();
        assertThat(allow.conditions()).extracting(ConditionExplanation::satisfied).containsExactly(true, false);
        ConditionExplanation sub = allow.conditions().get(1);
        assertThat(sub.operator()).isEqualTo("StringLike");
        assertThat(sub.keyPresent()).isTrue();
        assertThat(sub.requestValues()).containsExactly("repo:o/r:pull_request");
        assertThat(sub.policyValues()).extracting(PolicyValueCheck::matched).containsExactly(false, false);
        assertThat(e.statements().get(1).conditions().get(0).satisfied()).isFalse();
    }

    @Test
    void textShowsDecisionFailedConditionAndRequestValue() {
        String text = TrustEvaluator.create().explain(POLICY, PULL_REQUEST).toText();

        assertThat(text).startsWith("Decision: IMPLICIT_DENY - no statement matched\n");
        assertThat(text).contains("condition StringLike token.actions.githubusercontent.com:sub: NOT satisfied\n"
                + "    request value: \"repo:o/r:pull_request\"\n"
                + "    policy value:  \"repo:o/r:ref:refs/heads/main\"  does not match\n");
        assertThat(text).contains("condition StringEquals token.actions.githubusercontent.com:aud: satisfied");
    }

    @Test
    void absentKeyIsShownAsAbsentWithTheReason() {
        TrustPolicy p = Policies.allowWhen("\"StringEquals\":{" + key("repository_owner") + ":\"o\"}");
        String text = TrustEvaluator.create().explain(p, Policies.request(Map.of("sub", "s", "repository_owner", "o")))
                .toText();
        assertThat(text).contains("request value: absent")
                .contains("AWS never puts the claim repository_owner in the request context");
    }

    @Test
    void explicitDenyNamesTheDecidingStatement() {
        Explanation e = TrustEvaluator.create().explain(POLICY, Policies.request(Map.of("sub",
                "repo:o/r:ref:refs/heads/main", "aud", "sts.amazonaws.com", "actor", "mallory")));
        assertThat(e.decision()).isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(e.decidingStatements()).extracting(StatementExplanation::index).containsExactly(1);
        assertThat(e.toText()).startsWith("Decision: EXPLICIT_DENY - denied by statement 1\n");
    }

    @Test
    void jsonCarriesTheSameFacts() throws Exception {
        JsonNode json = new ObjectMapper().readTree(TrustEvaluator.create().explain(POLICY, PULL_REQUEST).toJson());

        assertThat(json.get("decision").asText()).isEqualTo("IMPLICIT_DENY");
        JsonNode sub = json.at("/statements/0/conditions/1");
        assertThat(sub.get("satisfied").asBoolean()).isFalse();
        assertThat(sub.get("requestValues").get(0).asText()).isEqualTo("repo:o/r:pull_request");
        assertThat(sub.get("path").asText()).isEqualTo(
                "$.Statement[0].Condition.StringLike[\"token.actions.githubusercontent.com:sub\"]");
        assertThat(json.at("/requestContext/token.actions.githubusercontent.com:aud/0").asText())
                .isEqualTo("sts.amazonaws.com");
    }

    @Test
    void resolvedPolicyVariableIsShown() {
        TrustPolicy p = Policies.allowWhen("\"StringEquals\":{" + key("sub") + ":\"repo:${" + Policies.PREFIX
                + ":repository}:ref:refs/heads/main\"}");
        Explanation e = TrustEvaluator.create().explain(p, Policies.request(Map.of("sub", "repo:o/r:ref:refs/heads/main",
                "repository", "o/r")));
        assertThat(e.decision()).isEqualTo(Decision.ALLOW);
        assertThat(e.statements().get(0).conditions().get(0).policyValues().get(0).resolved())
                .isEqualTo("repo:o/r:ref:refs/heads/main");
    }
}
