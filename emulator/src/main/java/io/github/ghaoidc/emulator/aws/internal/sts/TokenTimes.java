package io.github.ghaoidc.emulator.aws.internal.sts;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import java.time.Duration;
import java.time.Instant;

/** {@code exp}, {@code nbf} and {@code iat} against the emulator clock, with a small tolerated skew. */
final class TokenTimes {

    private final Duration skew;
    private final Duration maxTokenAge;

    TokenTimes(Duration skew, Duration maxTokenAge) {
        this.skew = skew;
        this.maxTokenAge = maxTokenAge;
    }

    void check(JWTClaimsSet claims, Instant now) {
        long nowSeconds = now.getEpochSecond();
        long exp = claims.getExpirationTime().toInstant().getEpochSecond();
        if (nowSeconds - skew.toSeconds() >= exp) {
            throw new AwsServiceException("ExpiredTokenException", 400, "Token expired: current date/time "
                    + nowSeconds + " must be before the expiration date/time " + exp);
        }
        if (claims.getNotBeforeTime() != null) {
            long nbf = claims.getNotBeforeTime().toInstant().getEpochSecond();
            if (nowSeconds + skew.toSeconds() < nbf) {
                throw AwsServiceException.invalidIdentityToken("Token not yet valid: current date/time " + nowSeconds
                        + " must be at or after the not-before date/time " + nbf);
            }
        }
        long iat = claims.getIssueTime().toInstant().getEpochSecond();
        if (iat > nowSeconds + skew.toSeconds()) {
            throw AwsServiceException.invalidIdentityToken("Token issued in the future: issued-at date/time " + iat
                    + " is after the current date/time " + nowSeconds);
        }
        long age = nowSeconds - iat;
        if (age > maxTokenAge.toSeconds()) {
            throw new AwsServiceException("ExpiredTokenException", 400, "Token too old: " + age);
        }
    }
}
