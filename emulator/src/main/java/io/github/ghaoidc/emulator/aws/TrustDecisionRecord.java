package io.github.ghaoidc.emulator.aws;

import java.time.Instant;

/**
 * One trust decision the emulator's STS made, with the trust engine's explanation — what AWS never tells you.
 * Carries no token or secret.
 *
 * @param time        when the decision was made (emulator clock)
 * @param action      {@code sts:AssumeRoleWithWebIdentity} or {@code sts:AssumeRole}
 * @param roleArn     the role asked for
 * @param principal   the token's {@code iss} + {@code sub}, or the calling principal's ARN
 * @param sessionName the requested role session name
 * @param allowed     whether the trust policy granted the request
 * @param decision    {@code ALLOW}, {@code EXPLICIT_DENY} or {@code IMPLICIT_DENY}
 * @param explanation the trust engine's explanation
 */
public record TrustDecisionRecord(Instant time, String action, String roleArn, String principal, String sessionName,
        boolean allowed, String decision, String explanation) {
}
