package io.github.ghaoidc.testkit.internal;

import io.github.ghaoidc.testkit.GitHubOidcSandbox;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The one gateway set-up shared by the LocalStack and Floci sandboxes: the emulator's STS in front of an AWS emulator. */
public final class Gateways {

    private Gateways() {
    }

    /** A sandbox builder whose STS enforces trust and forwards to {@code upstream}, provisioning with these keys. */
    public static GitHubOidcSandbox.Builder builder(URI upstream, String accountId, Region region, String accessKey,
            String secretKey) {
        return GitHubOidcSandbox.builder()
                .upstream(upstream)
                .accountId(accountId)
                .region(region)
                .upstreamCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    }
}
