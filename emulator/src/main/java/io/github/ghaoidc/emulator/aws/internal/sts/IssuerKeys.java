package io.github.ghaoidc.emulator.aws.internal.sts;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keys for issuers this process serves are taken in-process (no HTTP); every other issuer goes to discovery
 * and JWKS over HTTP.
 */
public final class IssuerKeys implements KeySourceResolver {

    private final Function<String, JWKSet> inProcess;
    private final KeySourceResolver remote;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** The key source built for one published key set (a new set, after rotation, replaces it). */
    private record Cached(JWKSet published, JWKSource<SecurityContext> source) {
    }

    /**
     * @param inProcess the public JWK set of an issuer URL this process serves, or null when it serves none
     * @param remote    the resolver for all other issuers
     */
    public IssuerKeys(Function<String, JWKSet> inProcess, KeySourceResolver remote) {
        this.inProcess = inProcess;
        this.remote = remote;
    }

    @Override
    public JWKSource<SecurityContext> keysFor(String issuerUrl) {
        JWKSet local = inProcess.apply(issuerUrl);
        if (local != null) {
            Cached cached = cache.get(issuerUrl);
            if (cached == null || cached.published() != local) {
                cached = new Cached(local, new ImmutableJWKSet<>(local.toPublicJWKSet()));
                cache.put(issuerUrl, cached);
            }
            return cached.source();
        }
        return remote.keysFor(issuerUrl);
    }
}
