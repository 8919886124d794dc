package io.github.ghaoidc.emulator.aws.internal.iam;

import java.time.Instant;

/**
 * An IAM role.
 *
 * @param roleName                 name
 * @param path                     path ({@code /} by default)
 * @param roleId                   {@code AROA…}
 * @param arn                      {@code arn:<partition>:iam::<acct>:role<path><name>}
 * @param assumeRolePolicyDocument the trust policy JSON, as given
 * @param maxSessionDuration       seconds, 3600–43200
 * @param description              optional description, or null
 * @param createDate               creation time
 */
public record Role(String roleName, String path, String roleId, String arn, String assumeRolePolicyDocument,
        int maxSessionDuration, String description, Instant createDate) {

    Role withPolicy(String policy) {
        return new Role(roleName, path, roleId, arn, policy, maxSessionDuration, description, createDate);
    }

    @Override
    public String toString() {
        return "Role[arn=" + arn + ", maxSessionDuration=" + maxSessionDuration + "]";
    }
}
