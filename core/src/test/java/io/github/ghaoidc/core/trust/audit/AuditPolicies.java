package io.github.ghaoidc.core.trust.audit;

/** The account the audit tests look at: the roles of issue 11's acceptance, as JSON. */
final class AuditPolicies {
    static final String ACCOUNT = "123456789012";
    static final String K = "token.actions.githubusercontent.com";
    static final String PROVIDER = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + K;
    static final String AUD = "\"" + K + ":aud\":\"sts.amazonaws.com\"";

    private AuditPolicies() {
    }

    static String gitHub(String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + PROVIDER + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{" + condition + "}}]}";
    }

    static final String LEGACY_AUD_ONLY = gitHub("\"StringEquals\":{" + AUD + "}");
    static final String ORG_WIDE = gitHub("\"StringEquals\":{" + AUD + "},\"StringLike\":{\"" + K
            + ":sub\":\"repo:octo-org/*\"}");
    static final String REFERENCE = gitHub("\"StringEquals\":{" + AUD + "},\"StringLike\":{\"" + K
            + ":sub\":\"repo:octo-org/app:*\"}");
    static final String HARDENED = gitHub("\"StringEquals\":{" + AUD + ",\"" + K
            + ":sub\":\"repo:octo-org/app:ref:refs/heads/main\"}");
    static final String ACCOUNT_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";

    static AccountRole role(String name, String policy) {
        return new AccountRole(name, "arn:aws:iam::" + ACCOUNT + ":role/" + name, policy);
    }
}
