package io.github.ghaoidc.emulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Set;

/**
 * Verifies tokens as a strict relying party would, knowing only a discovery document URL: remote JWKS
 * from its {@code jwks_uri}, RS256 pinned, exact {@code iss} (from the document) and {@code aud},
 * required {@code exp}/{@code iat}/{@code nbf}/{@code sub}.
 */
public final class DiscoveryVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;

    public DiscoveryVerifier(String discoveryUrl, String audience) {
        JsonNode doc = Http.json(Http.get(discoveryUrl).body());
        this.issuer = doc.get("issuer").asText();
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(new URL(doc.get("jwks_uri").asText())).retrying(false).rateLimited(false).refreshAheadCache(false).cache(false).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp", "iat", "nbf", "sub")));
    }

    public String issuer() {
        return issuer;
    }

    /** @throws Exception (Nimbus's BadJOSEException/JOSEException) when the token does not verify */
    public JWTClaimsSet verify(String jwt) throws Exception {
        return processor.process(jwt, null);
    }
}
