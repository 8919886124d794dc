package io.github.ghaoidc.emulator.aws.internal.iam;

/** ARN shapes of one account. */
public record IamNames(String partition, String accountId) {

    public String providerArn(String url) {
        return "arn:" + partition + ":iam::" + accountId + ":oidc-provider/" + url.substring(url.indexOf("://") + 3);
    }

    public String roleArn(String path, String roleName) {
        return "arn:" + partition + ":iam::" + accountId + ":role" + path + roleName;
    }

    public String assumedRoleArn(String roleName, String sessionName) {
        return "arn:" + partition + ":sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
    }

    public String rootArn() {
        return "arn:" + partition + ":iam::" + accountId + ":root";
    }
}
