package io.github.ghaoidc.emulator.aws.internal.sts;

import java.time.Instant;
import java.util.Map;

/**
 * One assume request as the trust engine sees it.
 *
 * @param policyJson     the role's trust policy
 * @param action         {@code sts:AssumeRoleWithWebIdentity} or {@code sts:AssumeRole}
 * @param roleArn        the role being assumed
 * @param accountId      the role's account
 * @param partition      the role's partition
 * @param providerPrefix the web identity provider URL without scheme, or null for AssumeRole
 * @param claims         the verified token claims, or null for AssumeRole
 * @param principalArn   the calling principal's ARN for AssumeRole (an assumed-role ARN or the account root)
 * @param sessionName    the requested role session name
 * @param sourceIp       the caller's address
 * @param now            the emulator clock's time
 */
public record TrustQuestion(String policyJson, String action, String roleArn, String accountId, String partition,
        String providerPrefix, Map<String, Object> claims, String principalArn, String sessionName, String sourceIp,
        Instant now) {
}
