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

    /** The image to run: {@code property} if set, else the environment variable {@code variable}, else the default. */
    public static String image(String property, String variable, java.util.Map<String, String> environment,
            String defaultImage) {
        if (property != null && !property.isBlank()) {
            return property.trim();
        }
        String value = environment.get(variable);
        return value != null && !value.isBlank() ? value.trim() : defaultImage;
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
