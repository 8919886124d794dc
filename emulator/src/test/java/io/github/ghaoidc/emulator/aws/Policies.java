package io.github.ghaoidc.emulator.aws;

/** Trust policies used by the tests. */
final class Policies {

    private Policies() {
    }

    /** The reference scenario's role: any ref of {@code org/repo}. */
    static String gitHubRepo(String accountId, String repo) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::" + accountId + ":oidc-provider/token.actions.githubusercontent.com\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                + "{\"token.actions.githubusercontent.com:sub\":\"repo:" + repo + ":*\"}}}]}";
    }

    /** Trusts sessions of another role of the account (role chaining). */
    static String roleSessions(String accountId, String roleName) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + accountId + ":role/" + roleName + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }
}
