package io.github.ghaoidc.core.token.internal;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;

/**
 * Reads a JWT's claims WITHOUT verifying it, for diagnostics and expiry planning only (the verifier is
 * STS). Nothing here ever returns or prints the token itself.
 */
public final class JwtPeek {

    private JwtPeek() {
    }

    /** The claims of a signed or unsecured JWT, or empty when the string is not a readable JWT. */
    public static Optional<JWTClaimsSet> claims(String token) {
        try {
            return Optional.ofNullable(JWTParser.parse(token).getJWTClaimsSet());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The token's {@code exp}, or empty when it is not a JWT or has none. */
    public static Optional<Instant> expiry(String token) {
        return claims(token).map(JWTClaimsSet::getExpirationTime).map(Date::toInstant);
    }
}
