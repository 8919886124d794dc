package io.github.ghaoidc.emulator.aws.internal.credentials;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The credentials the emulator has issued, so that SigV4-signed calls made with them can be verified.
 *
 * <p>Memory is bounded: expired sessions are evicted on every insert and lookup, and when more than
 * {@code capacity} sessions are live the ones closest to expiry are evicted first (a later call with them then
 * fails as with unknown credentials). Thread-safe.
 */
public final class IssuedCredentialStore {

    private static final Comparator<IssuedSession> BY_EXPIRY =
            Comparator.comparing(IssuedSession::expiration).thenComparing(IssuedSession::accessKeyId);

    private final Map<String, IssuedSession> byKeyId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<IssuedSession> byExpiry = new ConcurrentSkipListSet<>(BY_EXPIRY);
    private final AtomicInteger size = new AtomicInteger();
    private final Clock clock;
    private final int capacity;

    public IssuedCredentialStore(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got: " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    public void put(IssuedSession session) {
        if (byKeyId.putIfAbsent(session.accessKeyId(), session) == null) {
            byExpiry.add(session);
            size.incrementAndGet();
        }
        evict(clock.instant());
    }

    /** The session for an access key id, including an expired one not yet evicted; {@code null} if unknown. */
    public IssuedSession find(String accessKeyId) {
        return byKeyId.get(accessKeyId);
    }

    /** Number of sessions held. */
    public int size() {
        return size.get();
    }

    /**
     * Evicts sessions that expired more than a grace period ago (so a call just after expiry still gets AWS's
     * "expired" error rather than "invalid"), then the soonest-expiring beyond capacity.
     */
    private void evict(Instant now) {
        Instant horizon = now.minusSeconds(300);
        while (true) {
            IssuedSession first = byExpiry.pollFirst();
            if (first == null) {
                return;
            }
            if (first.expiration().isBefore(horizon) || size.get() > capacity) {
                if (byKeyId.remove(first.accessKeyId(), first)) {
                    size.decrementAndGet();
                }
            } else {
                byExpiry.add(first);
                return;
            }
        }
    }
}
