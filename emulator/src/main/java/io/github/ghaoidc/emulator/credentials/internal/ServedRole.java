package io.github.ghaoidc.emulator.credentials.internal;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * A role the endpoint serves: where its credentials come from, its ARN when known, and how long before their expiry
 * an answer made from the provider's credentials is served again without asking it. Not API.
 *
 * @param provider the credentials provider (the caller's; never closed here)
 * @param roleArn the role ARN for the answer's {@code RoleArn}, or null
 * @param askAgainBefore from this long before {@code Expiration}, every request asks the provider again (which
 *     refreshes in time); until then the last answer is served as it is
 */
public record ServedRole(AwsCredentialsProvider provider, String roleArn, Duration askAgainBefore) {
}
