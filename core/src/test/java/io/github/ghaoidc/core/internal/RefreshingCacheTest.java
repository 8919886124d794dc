package io.github.ghaoidc.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class RefreshingCacheTest {

    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    static final Duration STALE = Duration.ofMinutes(1);
    static final Duration PREFETCH = Duration.ofMinutes(5);

    final MutableClock clock = new MutableClock(T0);
    final AtomicInteger refreshes = new AtomicInteger();
    final ExecutorService pool = Executors.newFixedThreadPool(64);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** Each refresh yields credentials valid for one hour from the clock's now, after {@code latencyMillis}. */
    Supplier<Session> sts(long latencyMillis) {
        return () -> {
            int n = refreshes.incrementAndGet();
            sleep(latencyMillis);
            Instant expiration = clock.instant().plus(Duration.ofHours(1));
            return new Session(AwsSessionCredentials.builder().accessKeyId("ASIA" + n).secretAccessKey("s" + n)
                    .sessionToken("t" + n).expirationTime(expiration).build(), expiration, null);
        };
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<AwsCredentials> fromThreads(RefreshingCache cache, int threads) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AwsCredentials>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return cache.get();
            }));
        }
        start.countDown();
        List<AwsCredentials> results = new ArrayList<>();
        for (Future<AwsCredentials> f : futures) {
            results.add(f.get(10, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void cachedReadsReturnTheSameCredentialsWithoutRefreshing() {
        try (var cache = new RefreshingCache(sts(0), clock, STALE, PREFETCH, false)) {
            AwsCredentials first = cache.get();
            clock.advance(Duration.ofMinutes(54));
            assertThat(cache.get()).isSameAs(first);
            assertThat(refreshes).hasValue(1);
        }
    }

    @Test
    void sixtyFourThreadsPastTheStaleTimeCauseExactlyOneRefresh() throws Exception {
        try (var cache = new RefreshingCache(sts(50), clock, STALE, PREFETCH, false)) {
            AwsCredentials first = cache.get();
            clock.advance(Duration.ofMinutes(59).plusSeconds(30));
            List<AwsCredentials> results = fromThreads(cache, 64);
            assertThat(refreshes).hasValue(2);
            assertThat(results).allSatisfy(c -> {
                assertThat(c).isNotSameAs(first);
                assertThat(((AwsSessionCredentials) c).expirationTime().orElseThrow()).isAfter(clock.instant().plus(STALE));
            });
        }
    }

    @Test
    void duringPrefetchOneCallerRefreshesWhileOthersKeepTheValidCredentials() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Supplier<Session> slow = sts(0);
        AtomicInteger calls = new AtomicInteger();
        Supplier<Session> blockingSecond = () -> {
            if (calls.incrementAndGet() == 2) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return slow.get();
        };
        try (var cache = new RefreshingCache(blockingSecond, clock, STALE, PREFETCH, false)) {
            AwsCredentials first = cache.get();
            clock.advance(Duration.ofMinutes(56));
            Future<AwsCredentials> refresher = pool.submit(cache::get);
            while (calls.get() < 2) {
                Thread.onSpinWait();
            }
            assertThat(fromThreads(cache, 32)).allSatisfy(c -> assertThat(c).isSameAs(first));
            release.countDown();
            assertThat(refresher.get(10, TimeUnit.SECONDS)).isNotSameAs(first);
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void threadsQueuedBehindAFailedRefreshShareItsFailure() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<Session> failing = () -> {
            attempts.incrementAndGet();
            sleep(100);
            throw new GitHubOidcException("AccessDenied for role", "AccessDenied", null);
        };
        try (var cache = new RefreshingCache(failing, clock, STALE, PREFETCH, false)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        cache.get();
                        return null;
                    } catch (GitHubOidcException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            for (Future<Throwable> f : futures) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isInstanceOf(GitHubOidcException.class)
                        .hasMessage("AccessDenied for role");
            }
            assertThat(attempts).hasValue(1);
        }
    }

    @Test
    void neverReturnsCredentialsPastTheirStaleTimeWhenRefreshFails() {
        AtomicInteger n = new AtomicInteger();
        Supplier<Session> ok = sts(0);
        Supplier<Session> failAfterFirst = () -> {
            if (n.incrementAndGet() > 1) {
                throw new GitHubOidcException("STS down");
            }
            return ok.get();
        };
        try (var cache = new RefreshingCache(failAfterFirst, clock, STALE, PREFETCH, false)) {
            AwsCredentials first = cache.get();
            clock.advance(Duration.ofMinutes(56));
            assertThat(cache.get()).as("prefetch failure keeps valid credentials").isSameAs(first);
            clock.advance(Duration.ofMinutes(3).plusSeconds(1));
            assertThatThrownBy(cache::get).hasMessage("STS down");
        }
    }

    @Test
    void asyncRefreshRunsInTheBackgroundAndStopsOnClose() throws Exception {
        Duration prefetchAlmostAll = Duration.ofMinutes(59).plusSeconds(59).plusMillis(800);
        var cache = new RefreshingCache(sts(0), java.time.Clock.systemUTC(), Duration.ZERO, prefetchAlmostAll, true);
        AwsCredentials first = cache.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (refreshes.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(refreshes.get()).as("background refreshes without callers").isGreaterThanOrEqualTo(2);
        assertThat(cache.get()).isNotSameAs(first);
        assertThat(refreshThreads()).isNotEmpty();
        cache.close();
        assertThat(refreshThreads()).isEmpty();
    }

    static List<Thread> refreshThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("gha-oidc-credentials-refresh") && t.isAlive()).toList();
    }
}
