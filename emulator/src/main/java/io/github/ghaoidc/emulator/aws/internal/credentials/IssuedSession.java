package io.github.ghaoidc.emulator.aws.internal.credentials;

import java.time.Instant;

/**
 * Temporary credentials the emulator issued, and whose they are.
 *
 * @param accessKeyId     {@code ASIA…}
 * @param secretAccessKey secret (never printed)
 * @param sessionToken    session token (never printed)
 * @param expiration      end of validity
 * @param accountId       account of the assumed role
 * @param roleName        the assumed role's name
 * @param roleArn         the assumed role's ARN
 * @param roleId          the assumed role's id ({@code AROA…})
 * @param sessionName     the role session name
 * @param assumedRoleArn  {@code arn:<partition>:sts::<acct>:assumed-role/<role>/<session>}
 */
public record IssuedSession(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
        String accountId, String roleName, String roleArn, String roleId, String sessionName, String assumedRoleArn) {

    public String assumedRoleId() {
        return roleId + ":" + sessionName;
    }

    @Override
    public String toString() {
        return "IssuedSession[accessKeyId=" + accessKeyId + ", assumedRoleArn=" + assumedRoleArn
                + ", expiration=" + expiration + "]";
    }
}
