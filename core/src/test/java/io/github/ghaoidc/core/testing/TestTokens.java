package io.github.ghaoidc.core.testing;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

/** Unsigned test JWTs with GitHub-shaped claims (the provider only peeks; STS is the verifier). */
public final class TestTokens {

    private TestTokens() {
    }

    public static String idToken(String sub, Instant exp) {
        return new PlainJWT(new JWTClaimsSet.Builder()
                .issuer("https://token.actions.githubusercontent.com")
                .audience("sts.amazonaws.com")
                .subject(sub)
                .claim("repository", "octo-org/octo-repo")
                .claim("ref", sub.endsWith(":pull_request") ? "refs/pull/7/merge" : "refs/heads/main")
                .jwtID(UUID.randomUUID().toString())
                .expirationTime(Date.from(exp))
                .build()).serialize();
    }

    public static String idToken(String sub) {
        return idToken(sub, Instant.now().plusSeconds(300));
    }

    public static String requestToken(Instant exp) {
        return new PlainJWT(new JWTClaimsSet.Builder().subject("job").expirationTime(Date.from(exp)).build()).serialize();
    }
}
