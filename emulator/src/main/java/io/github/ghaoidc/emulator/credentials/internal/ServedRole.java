package io.github.ghaoidc.emulator.credentials.internal;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * A role the endpoint serves: where its credentials come from, and its ARN when known. Not API.
 *
 * @param provider the credentials provider (the caller's; never closed here)
 * @param roleArn the role ARN for the answer's {@code RoleArn}, or null
 */
public record ServedRole(AwsCredentialsProvider provider, String roleArn) {
}
