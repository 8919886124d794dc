package io.github.ghaoidc.emulator.aws.internal.iam;

import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import java.net.URI;
import java.net.URISyntaxException;

/** IAM's rules for an OIDC provider URL. */
public final class ProviderUrls {

    private ProviderUrls() {
    }

    /**
     * Accepts {@code https://host[/path]} with no port, query or fragment, like IAM. When
     * {@code allowLoopbackHttp} is set (an emulator-only concession for local test issuers), also
     * {@code http://127.0.0.1:port[/path]} and {@code http://localhost:port[/path]}.
     */
    public static void check(String url, boolean allowLoopbackHttp) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw invalid(url);
        }
        if ("https".equals(uri.getScheme()) && uri.getPort() == -1) {
            return;
        }
        boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost())
                || "[::1]".equals(uri.getHost());
        if (allowLoopbackHttp && "http".equals(uri.getScheme()) && loopback) {
            return;
        }
        throw invalid(url);
    }

    private static AwsServiceException invalid(String url) {
        return AwsServiceException.invalidInput("Invalid OpenID Connect provider URL '" + url
                + "': it must start with https://, name a host, and have no port, query or fragment");
    }
}
