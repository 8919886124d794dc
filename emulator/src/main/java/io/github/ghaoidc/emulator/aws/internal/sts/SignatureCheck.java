package io.github.ghaoidc.emulator.aws.internal.sts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import java.security.Key;
import java.util.List;

/**
 * Verifies a token's signature against its provider's keys only: the key is chosen by {@code kid} and the
 * (pinned) algorithm from the provider's JWK set; {@code jku}, {@code x5u} and embedded {@code jwk} headers are
 * never followed.
 */
final class SignatureCheck {

    static final String KEY_RETRIEVAL_FAILED = "Couldn't retrieve verification key from your identity provider,  "
            + "please reference AssumeRoleWithWebIdentity documentation for requirements";

    private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

    void verify(ParsedToken token, KeySourceResolver resolver, String issuerUrl) {
        List<? extends Key> candidates;
        try {
            JWKSource<SecurityContext> keys = resolver.keysFor(issuerUrl);
            candidates = new JWSVerificationKeySelector<>(ParsedToken.ALLOWED, keys)
                    .selectJWSKeys(token.jws().getHeader(), null);
        } catch (KeySourceException | KeySourceResolver.KeyRetrievalException e) {
            throw new AwsServiceException("InvalidIdentityToken", 400, KEY_RETRIEVAL_FAILED, true, e);
        }
        String kid = token.jws().getHeader().getKeyID();
        if (candidates.isEmpty()) {
            throw AwsServiceException.invalidIdentityToken("No key in the identity provider's JWKS matches the "
                    + "token's key id " + (kid == null ? "(none)" : "'" + kid + "'") + " and algorithm "
                    + token.jws().getHeader().getAlgorithm());
        }
        for (Key key : candidates) {
            try {
                JWSVerifier verifier = verifiers.createJWSVerifier(token.jws().getHeader(), key);
                if (token.jws().verify(verifier)) {
                    return;
                }
            } catch (JOSEException e) {
                // try the next candidate; an unusable key is the same as a non-matching one
            }
        }
        throw AwsServiceException.invalidIdentityToken("The token's signature could not be verified with the "
                + "identity provider's key " + (kid == null ? "" : "'" + kid + "'"));
    }
}
