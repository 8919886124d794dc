package io.github.ghaoidc.emulator.issuer;

import io.github.ghaoidc.core.claims.GitHubClaims;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the emulator writes in {@code iss}, independent of where it listens, and the paths under which it
 * serves that issuer's discovery document and JWKS. Immutable and thread-safe.
 * <ul>
 *   <li>{@link #github()}: {@code https://token.actions.githubusercontent.com}, so real trust policies work unchanged;</li>
 *   <li>{@link #self()}: the emulator's own URL, so strict OIDC clients can run discovery from {@code iss};</li>
 *   <li>{@link #enterprise(String, JwksLayout)}: {@code https://token.actions.githubusercontent.com/SLUG};</li>
 *   <li>{@link #ghes(String)}: {@code https://HOST/_services/token}, default audience {@code https://HOST/OWNER};</li>
 *   <li>{@link #custom(String)}: any https URL.</li>
 * </ul>
 */
public final class IssuerMode {

    /** The kinds of issuer. */
    public enum Kind { GITHUB, SELF, ENTERPRISE, GHES, CUSTOM }

    /** Where an enterprise issuer's discovery document points {@code jwks_uri}. */
    public enum JwksLayout {
        /** {@code jwks_uri} is the root {@code /.well-known/jwks}; {@code /SLUG/.well-known/jwks} is 404 (reported live). */
        ROOT,
        /** {@code jwks_uri} is {@code /SLUG/.well-known/jwks}. */
        PER_SLUG
    }

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d+)?");
    private static final Pattern ENTERPRISE_URL =
            Pattern.compile(Pattern.quote(GitHubClaims.GITHUB_ISSUER) + "/([a-z0-9][a-z0-9-]*)");
    private static final Pattern GHES_URL = Pattern.compile("https://([A-Za-z0-9.-]+(?::\\d+)?)/_services/token");

    private final Kind kind;
    private final String fixedIssuer;
    private final String path;
    private final JwksLayout layout;
    private final String ghesHost;

    private IssuerMode(Kind kind, String fixedIssuer, String path, JwksLayout layout, String ghesHost) {
        this.kind = kind;
        this.fixedIssuer = fixedIssuer;
        this.path = path;
        this.layout = layout;
        this.ghesHost = ghesHost;
    }

    public static IssuerMode github() {
        return new IssuerMode(Kind.GITHUB, GitHubClaims.GITHUB_ISSUER, "", JwksLayout.PER_SLUG, null);
    }

    public static IssuerMode self() {
        return new IssuerMode(Kind.SELF, null, "", JwksLayout.PER_SLUG, null);
    }

    /** Enterprise unique issuer, root JWKS layout. */
    public static IssuerMode enterprise(String slug) {
        return enterprise(slug, JwksLayout.ROOT);
    }

    public static IssuerMode enterprise(String slug, JwksLayout layout) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException("enterprise slug must be lower-case letters, digits and '-', got: '" + slug + "'");
        }
        return new IssuerMode(Kind.ENTERPRISE, GitHubClaims.GITHUB_ISSUER + "/" + slug, "/" + slug,
                Objects.requireNonNull(layout, "layout"), null);
    }

    /** GitHub Enterprise Server on {@code host} (e.g. {@code ghes.example.com}). */
    public static IssuerMode ghes(String host) {
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("GHES host must be a host name like ghes.example.com, got: '" + host + "'");
        }
        return new IssuerMode(Kind.GHES, "https://" + host + "/_services/token", "/_services/token", JwksLayout.PER_SLUG, host);
    }

    /** Any absolute http(s) URL without query, fragment or trailing slash. */
    public static IssuerMode custom(String url) {
        return new IssuerMode(Kind.CUSTOM, url, pathOf(url), JwksLayout.PER_SLUG, null);
    }

    /**
     * Reads {@code self}, {@code github}, or a URL: the github.com issuer, {@code …/SLUG} (enterprise),
     * {@code https://HOST/_services/token} (GHES) are recognised; any other URL is custom.
     */
    public static IssuerMode parse(String value, JwksLayout enterpriseLayout) {
        String v = Objects.requireNonNull(value, "issuer").trim();
        switch (v.toLowerCase(Locale.ROOT)) {
            case "self": return self();
            case "github": return github();
            default: break;
        }
        if (v.equals(GitHubClaims.GITHUB_ISSUER)) {
            return github();
        }
        Matcher e = ENTERPRISE_URL.matcher(v);
        if (e.matches()) {
            return enterprise(e.group(1), enterpriseLayout == null ? JwksLayout.ROOT : enterpriseLayout);
        }
        Matcher g = GHES_URL.matcher(v);
        if (g.matches()) {
            return ghes(g.group(1));
        }
        return custom(v);
    }

    public Kind kind() {
        return kind;
    }

    public JwksLayout jwksLayout() {
        return layout;
    }

    /** The {@code iss} value for an emulator listening at {@code baseUrl}. */
    public String issuer(String baseUrl) {
        return kind == Kind.SELF ? baseUrl : fixedIssuer;
    }

    /** Path prefix (no trailing slash) under which discovery is served: {@code ""}, {@code /SLUG}, {@code /_services/token}. */
    public String path() {
        return path;
    }

    /** Path of the JWKS the discovery document points at. */
    public String jwksPath() {
        return kind == Kind.ENTERPRISE && layout == JwksLayout.ROOT ? "/.well-known/jwks" : path + "/.well-known/jwks";
    }

    /** The audience GitHub uses when a client asks for none. */
    public String defaultAudience(String owner) {
        return kind == Kind.GHES ? "https://" + ghesHost + "/" + owner : "https://github.com/" + owner;
    }

    private static String pathOf(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("issuer must be 'self' or an absolute https URL, got: '" + url + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || url.endsWith("/")) {
            throw new IllegalArgumentException("issuer must be 'self' or an absolute https URL without query, fragment "
                    + "or trailing slash, got: '" + url + "'");
        }
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IssuerMode m && kind == m.kind && Objects.equals(fixedIssuer, m.fixedIssuer) && layout == m.layout;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, fixedIssuer, layout);
    }

    @Override
    public String toString() {
        return kind == Kind.SELF ? "IssuerMode[self]" : "IssuerMode[" + kind + " " + fixedIssuer
                + (kind == Kind.ENTERPRISE ? ", jwks " + layout : "") + "]";
    }
}
