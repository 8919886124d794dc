package io.github.ghaoidc.emulator.aws.internal.sts;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/** Finds the verification keys of an OIDC provider URL. */
public interface KeySourceResolver {

    /**
     * The key source for {@code issuerUrl}; retrieval failures surface when keys are selected from it
     * (as {@link com.nimbusds.jose.KeySourceException}) or as {@link KeyRetrievalException} here.
     */
    JWKSource<SecurityContext> keysFor(String issuerUrl);

    /** Keys could not be fetched or used. */
    final class KeyRetrievalException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public KeyRetrievalException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
