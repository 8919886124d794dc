package io.github.ghaoidc.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.github.ghaoidc.core.GitHubOidcException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** The request token's {@code exp} is judged by the source's injectable clock, not the machine's. */
class RequestTokenExpiryClockTest {

    private static final Instant EXP = Instant.parse("2026-01-01T06:10:00Z");
    // Port 9 (discard) on loopback: nothing answers, so any attempt to fetch would fail differently.
    private static final String URL = "http://127.0.0.1:9/_apis/idtoken?api-version=2.0";

    private static GitHubActionsIdTokenSource sourceAt(Instant now) {
        String requestToken = new PlainJWT(new JWTClaimsSet.Builder().expirationTime(Date.from(EXP)).build())
                .serialize();
        return GitHubActionsIdTokenSource.builder().requestUrl(URL).requestToken(requestToken)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).maxAttempts(1).connectTimeout(Duration.ofMillis(200))
                .build();
    }

    @Test
    void expiredByTheInjectedClockFailsWithoutARequest() {
        assertThatThrownBy(() -> sourceAt(EXP).fetch("sts.amazonaws.com"))
                .isInstanceOf(GitHubOidcException.class)
                .hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_TOKEN expired at " + EXP);
    }

    @Test
    void stillValidByTheInjectedClockGoesToTheEndpoint() {
        GitHubActionsIdTokenSource source = sourceAt(EXP.minusSeconds(1));
        assertThat(source.usableUntil()).contains(EXP);
        assertThatThrownBy(() -> source.fetch("sts.amazonaws.com"))
                .isInstanceOf(GitHubOidcException.class)
                .message().doesNotContain("expired at");
    }
}
