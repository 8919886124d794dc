package io.github.ghaoidc.emulator.aws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/** Test-side issuer: one RSA key, tokens shaped like GitHub's for a push to main of octo-org/octo-repo. */
final class TestIssuer {

    static final String GITHUB = "https://token.actions.githubusercontent.com";

    final String url;
    final RSAKey key;

    TestIssuer(String url, String kid) {
        this.url = url;
        try {
            this.key = new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same key, issuing as {@code url}. */
    TestIssuer at(String newUrl) {
        return new TestIssuer(newUrl, key);
    }

    private TestIssuer(String url, RSAKey key) {
        this.url = url;
        this.key = key;
    }

    JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    JWTClaimsSet.Builder claims(String repo, String ref) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(url)
                .audience("sts.amazonaws.com")
                .subject("repo:" + repo + ":ref:" + ref)
                .claim("repository", repo)
                .claim("ref", ref)
                .claim("event_name", "push")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    String mint(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims, key);
    }

    String mint(UnaryOperator<JWTClaimsSet.Builder> customize) {
        return mint(customize.apply(claims("octo-org/octo-repo", "refs/heads/main")).build());
    }

    String pushToMain() {
        return mint(c -> c);
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
