package io.github.ghaoidc.core.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jwt.JWTClaimsSet;

import io.github.ghaoidc.core.token.internal.JwtPeek;

/**
 * The claims of an ID token that explain a trust-policy decision. Claims are not secrets (the token is):
 * this record never holds the token itself.
 */
public record IdTokenClaims(boolean readable, String iss, String aud, String sub, String repository, String ref,
                            String environment, Instant expiresAt, String jti) {

    /** Peeks at the token's claims without verifying it. */
    public static IdTokenClaims of(String token) {
        return JwtPeek.claims(token).map(IdTokenClaims::from)
                .orElse(new IdTokenClaims(false, null, null, null, null, null, null, null, null));
    }

    private static IdTokenClaims from(JWTClaimsSet c) {
        List<String> aud = c.getAudience();
        Date exp = c.getExpirationTime();
        return new IdTokenClaims(true, c.getIssuer(), aud == null || aud.isEmpty() ? null : String.join(",", aud),
                c.getSubject(), text(c, "repository"), text(c, "ref"), text(c, "environment"),
                exp == null ? null : exp.toInstant(), c.getJWTID());
    }

    private static String text(JWTClaimsSet c, String name) {
        Object value = c.getClaim(name);
        return value == null ? null : value.toString();
    }

    /** True when the token carries an {@code exp} at or before {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** {@code iss=…, aud=…, sub=…, repository=…, ref=…, environment=…} for error messages. */
    public String summary() {
        if (!readable) {
            return "the token source returned something that is not a readable JWT";
        }
        return "iss=" + show(iss) + ", aud=" + show(aud) + ", sub=" + show(sub) + ", repository=" + show(repository)
                + ", ref=" + show(ref) + ", environment=" + show(environment);
    }

    private static String show(String value) {
        return value == null ? "(none)" : value;
    }
}
