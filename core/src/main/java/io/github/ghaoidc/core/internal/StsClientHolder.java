package io.github.ghaoidc.core.internal;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The STS client the provider talks to: either borrowed (never closed here) or created on first use and
 * closed with the provider. A created client has no credentials of its own (AssumeRoleWithWebIdentity is
 * unsigned; signed calls pass per-request credentials) and no SDK retries (the provider retries itself).
 */
public final class StsClientHolder implements AutoCloseable {

    private final StsClient borrowed;
    private final Region region;
    private final URI endpoint;
    private StsClient owned;
    private boolean closed;

    private StsClientHolder(StsClient borrowed, Region region, URI endpoint) {
        this.borrowed = borrowed;
        this.region = region;
        this.endpoint = endpoint;
    }

    public static StsClientHolder borrowed(StsClient client) {
        return new StsClientHolder(client, null, null);
    }

    public static StsClientHolder owned(Region region, URI endpoint) {
        return new StsClientHolder(null, region, endpoint);
    }

    public boolean isBorrowed() {
        return borrowed != null;
    }

    public synchronized StsClient get() {
        if (borrowed != null) {
            return borrowed;
        }
        if (closed) {
            throw new IllegalStateException("the credentials provider is closed");
        }
        if (owned == null) {
            var builder = StsClient.builder()
                    .region(region)
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
            if (endpoint != null) {
                builder.endpointOverride(endpoint);
            }
            owned = builder.build();
        }
        return owned;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (owned != null) {
            owned.close();
            owned = null;
        }
    }
}
