package io.github.ghaoidc.emulator.aws.internal.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IssuedCredentialStoreTest {

    private static IssuedSession session(Instant expiration) {
        return new IssuedSession(CredentialIds.temporaryAccessKeyId(), CredentialIds.secretAccessKey(),
                CredentialIds.sessionToken(), expiration, "123456789012", "R", "arn:aws:iam::123456789012:role/R",
                "AROAEXAMPLE", "s", "arn:aws:sts::123456789012:assumed-role/R/s");
    }

    @Test
    void issuedSessionIsFoundByItsAccessKeyId() {
        IssuedCredentialStore store = new IssuedCredentialStore(Clock.systemUTC(), 10);
        IssuedSession session = session(Instant.now().plusSeconds(900));
        store.put(session);
        assertThat(store.find(session.accessKeyId())).isEqualTo(session);
    }

    @Test
    void sessionsLongExpiredAreEvictedOnTheNextInsert() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        IssuedSession old = session(now.minus(Duration.ofHours(1)));
        IssuedCredentialStore store = new IssuedCredentialStore(Clock.fixed(now, ZoneOffset.UTC), 10);
        store.put(old);
        store.put(session(now.plusSeconds(900)));
        assertThat(store.find(old.accessKeyId())).isNull();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void justExpiredSessionIsKeptSoCallersGetTheExpiredError() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        IssuedSession justExpired = session(now.minusSeconds(10));
        IssuedCredentialStore store = new IssuedCredentialStore(Clock.fixed(now, ZoneOffset.UTC), 10);
        store.put(justExpired);
        assertThat(store.find(justExpired.accessKeyId())).isEqualTo(justExpired);
    }

    @Test
    void sizeStaysBoundedOver100000IssuesEvictingTheSoonestToExpire() {
        Instant now = Instant.now();
        IssuedCredentialStore store = new IssuedCredentialStore(Clock.fixed(now, ZoneOffset.UTC), 1000);
        IssuedSession soonest = session(now.plusSeconds(1));
        store.put(soonest);
        for (int i = 0; i < 100_000; i++) {
            store.put(session(now.plusSeconds(900 + i)));
        }
        assertThat(store.size()).isEqualTo(1000);
        assertThat(store.find(soonest.accessKeyId())).isNull();
    }

    @Test
    void generatedIdsHaveAwsShapes() {
        assertThat(CredentialIds.temporaryAccessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(CredentialIds.roleId()).matches("AROA[A-Z2-7]{17}");
        assertThat(CredentialIds.secretAccessKey()).hasSize(40);
    }

    @Test
    void toStringNeverShowsSecrets() {
        IssuedSession session = session(Instant.now());
        assertThat(session.toString()).doesNotContain(session.secretAccessKey()).doesNotContain(session.sessionToken());
    }
}
