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
        try {
            return new ParsedToken(jws, jws.getJWTClaimsSet());
        } catch (ParseException e) {
            throw AwsServiceException.invalidIdentityToken("Couldn't parse the web identity token's claims: "
                    + e.getMessage());
        }
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
