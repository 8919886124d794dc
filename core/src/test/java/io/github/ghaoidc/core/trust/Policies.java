package io.github.ghaoidc.core.trust;

import java.util.Map;

/** Test helpers: GitHub trust policies and requests in a few words. */
final class Policies {
    static final String PREFIX = "token.actions.githubusercontent.com";
    static final String PROVIDER = "arn:aws:iam::123456789012:oidc-provider/" + PREFIX;

    private Policies() {
    }

    /** One Allow statement trusting GitHub's provider, with the given Condition object body (JSON). */
    static TrustPolicy allowWhen(String conditionBody) {
        return TrustPolicy.parse(statements(statement("Allow", conditionBody)));
    }

    static String statement(String effect, String conditionBody) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":{\"Federated\":\"" + PROVIDER + "\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{" + conditionBody + "}}";
    }

    static String statements(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String key(String claim) {
        return "\"" + PREFIX + ":" + claim + "\"";
    }

    static TrustRequest request(Map<String, ?> claims) {
        return TrustRequest.builder().claims(claims).build();
    }

    static Decision decide(TrustPolicy policy, Map<String, ?> claims) {
        return TrustEvaluator.create().evaluate(policy, request(claims));
    }
}
