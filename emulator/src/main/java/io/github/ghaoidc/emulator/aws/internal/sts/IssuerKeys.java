package io.github.ghaoidc.emulator.aws.internal.sts;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.util.function.Function;

/**
 * Keys for issuers this process serves are taken in-process (no HTTP); every other issuer goes to discovery
 * and JWKS over HTTP.
 */
public final class IssuerKeys implements KeySourceResolver {

    private final Function<String, JWKSet> inProcess;
    private final KeySourceResolver remote;

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
            return new ImmutableJWKSet<>(local.toPublicJWKSet());
        }
        return remote.keysFor(issuerUrl);
    }
}
