package io.github.ghaoidc.core.internal;

import java.time.Instant;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** The outcome of one exchange: the credentials, when they expire, and whose they are. */
public record Session(AwsSessionCredentials credentials, Instant expiration, String assumedRoleArn) {

    @Override
    public String toString() {
        return "Session[accessKeyId=" + credentials.accessKeyId() + ", expiration=" + expiration
                + ", assumedRoleArn=" + assumedRoleArn + "]";
    }
}
