package io.github.ghaoidc.emulator.aws.internal.sts;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A web identity token decoded but not yet trusted: the JWS, its claims, and the checks that need no keys.
 * The token text is never included in messages.
 */
public record ParsedToken(SignedJWT jws, JWTClaimsSet claims) {

    /** Algorithms AWS accepts for OIDC tokens. */
    static final Set<JWSAlgorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** Decodes a compact JWS, refusing unsigned, encrypted and symmetric-algorithm tokens. */
    public static ParsedToken decode(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw AwsServiceException.invalidIdentityToken(
                    "Couldn't parse the web identity token: it is not a valid JWT (" + e.getMessage() + ")");
        }
        if (!(jwt instanceof SignedJWT jws)) {
            String alg = jwt.getHeader().getAlgorithm() == null ? "none" : jwt.getHeader().getAlgorithm().getName();
            throw AwsServiceException.invalidIdentityToken("Unsupported token algorithm " + alg
                    + ": the token must be signed with one of RS256, RS384, RS512, ES256, ES384, ES512");
        }
        JWSAlgorithm alg = jws.getHeader().getAlgorithm();
        if (!ALLOWED.contains(alg)) {
            throw AwsServiceException.invalidIdentityToken("Unsupported token algorithm " + alg.getName()
                    + ": the token must be signed with one of RS256, RS384, RS512, ES256, ES384, ES512");
        }
        Set<String> critical = jws.getHeader().getCriticalParams();
        if (critical != null) {
            throw AwsServiceException.invalidIdentityToken(critical.isEmpty()
                    ? "The token's header has an empty crit list, which RFC 7515 (section 4.1.11) forbids"
                    : "The token's header marks " + new TreeSet<>(critical) + " as critical (crit); no critical header "
                            + "parameter is supported, so the token cannot be accepted (its signature was not the "
                            + "problem)");
        }
        try {
            JWTClaimsSet claims = jws.getJWTClaimsSet();
            for (String time : List.of("exp", "nbf", "iat")) {
                numericDate(jws, time);
            }
            return new ParsedToken(jws, claims);
        } catch (ParseException e) {
            throw AwsServiceException.invalidIdentityToken("Couldn't parse the web identity token's claims: "
                    + e.getMessage());
        }
    }

    /** The latest NumericDate accepted: 9999-12-31T23:59:59Z. */
    static final long MAX_NUMERIC_DATE = 253_402_300_799L;

    /** A time claim must be whole seconds since 1970 within the years 1970–9999, or it is not a time at all. */
    private static void numericDate(SignedJWT jws, String claim) {
        Object raw = jws.getPayload().toJSONObject() == null ? null : jws.getPayload().toJSONObject().get(claim);
        if (raw == null) {
            return;
        }
        boolean valid = raw instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= MAX_NUMERIC_DATE;
        if (!valid) {
            throw AwsServiceException.invalidIdentityToken("The token's " + claim + " claim " + shown(raw)
                    + " is not a time: it must be a NumericDate, whole seconds since 1970-01-01 up to " + MAX_NUMERIC_DATE
                    + " (the end of the year 9999)");
        }
    }

    private static String shown(Object raw) {
        String text = raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15 ? Long.toString(n.longValue()) : String.valueOf(raw);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    public String issuer() {
        return claims.getIssuer();
    }

    public List<String> audiences() {
        return claims.getAudience();
    }

    /** Fails with AWS's "Missing a required claim" for the first absent claim of aud, iss, sub, exp, iat. */
    public void requireClaims() {
        if (claims.getAudience() == null || claims.getAudience().isEmpty()) {
            throw missing("aud");
        }
        if (claims.getIssuer() == null) {
            throw missing("iss");
        }
        if (claims.getSubject() == null) {
            throw missing("sub");
        }
        if (claims.getExpirationTime() == null) {
            throw missing("exp");
        }
        if (claims.getIssueTime() == null) {
            throw missing("iat");
        }
    }

    private static AwsServiceException missing(String claim) {
        return AwsServiceException.invalidIdentityToken("Missing a required claim: " + claim);
    }

}
