package io.github.ghaoidc.core.token.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.github.ghaoidc.core.GitHubOidcException;

/** Validates the runtime token endpoint URL and appends the audience the way the Actions toolkit does. */
public final class TokenRequestUrls {

    private TokenRequestUrls() {
    }

    /**
     * Parses and checks the request URL: absolute, no fragment, https unless the host is loopback
     * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}), where plain http is allowed for local testing.
     */
    public static URI validate(String requestUrl) {
        URI uri;
        try {
            uri = new URI(requestUrl.trim());
        } catch (URISyntaxException e) {
            throw new GitHubOidcException("ACTIONS_ID_TOKEN_REQUEST_URL is not a valid URL (" + e.getReason()
                    + "); it must be the absolute https URL the Actions runner provides", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new GitHubOidcException("ACTIONS_ID_TOKEN_REQUEST_URL must be an absolute https URL with a host, got "
                    + "a value with scheme '" + scheme + "'");
        }
        if (uri.getRawFragment() != null) {
            throw new GitHubOidcException("ACTIONS_ID_TOKEN_REQUEST_URL must not have a #fragment");
        }
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http") && isLoopback(uri.getHost())) {
            return uri;
        }
        throw new GitHubOidcException("ACTIONS_ID_TOKEN_REQUEST_URL must use https (plain http is allowed only for "
                + "loopback hosts), got " + scheme + "://" + uri.getHost());
    }

    /** Appends {@code audience=<urlencoded>} with {@code &} if the URL has a query, else with {@code ?}. */
    public static URI withAudience(URI requestUrl, String audience) {
        String url = requestUrl.toString();
        if (audience == null || audience.isEmpty()) {
            return requestUrl;
        }
        String separator;
        if (requestUrl.getRawQuery() == null) {
            separator = url.endsWith("?") ? "" : "?";
        } else {
            separator = url.endsWith("&") || url.endsWith("?") ? "" : "&";
        }
        return URI.create(url + separator + "audience=" + URLEncoder.encode(audience, StandardCharsets.UTF_8));
    }

    /** True for {@code localhost} and literal loopback addresses; never resolves other names. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        boolean literal = h.matches("[0-9.]+") || h.contains(":");
        if (!literal) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
