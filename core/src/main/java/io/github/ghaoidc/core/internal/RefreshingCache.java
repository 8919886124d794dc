package io.github.ghaoidc.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.github.ghaoidc.core.GitHubOidcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * A single-flight cache of session credentials. A cached read is one volatile read and one clock read, no
 * allocation. From {@code expiration - prefetchTime} one caller (or the background thread, when async)
 * refreshes while the others keep the still-valid credentials; from {@code expiration - staleTime} callers
 * wait for the one refresh in flight. Threads that queued behind a failed refresh get that failure instead
 * of starting another STS call. Never returns credentials past their stale time.
 */
public final class RefreshingCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingCache.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Supplier<Session> refresher;
    private final Clock clock;
    private final long staleMillis;
    private final long prefetchMillis;
    private final ScheduledExecutorService executor;
    private final ReentrantLock lock = new ReentrantLock();

    private volatile Entry entry;
    private volatile Failure lastFailure;
    private volatile long generation;
    private volatile boolean closed;
    private ScheduledFuture<?> scheduled;

    /** Cached credentials and the instants (epoch millis) that govern them. */
    private record Entry(AwsCredentials value, long prefetchAt, long staleAt) {
    }

    private record Failure(RuntimeException error, long generation) {
    }

    public RefreshingCache(Supplier<Session> refresher, Clock clock, Duration staleTime, Duration prefetchTime,
                           boolean asyncRefresh) {
        this.refresher = refresher;
        this.clock = clock;
        this.staleMillis = staleTime.toMillis();
        this.prefetchMillis = prefetchTime.toMillis();
        this.executor = asyncRefresh ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "gha-oidc-credentials-refresh-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    public AwsCredentials get() {
        Entry e = entry;
        if (e != null && clock.millis() < e.prefetchAt) {
            return e.value;
        }
        return slowPath(e);
    }

    private AwsCredentials slowPath(Entry seen) {
        if (closed) {
            throw new GitHubOidcException("The credentials provider is closed");
        }
        long now = clock.millis();
        if (seen != null && now < seen.staleAt) {
            if (executor == null && lock.tryLock()) {
                try {
                    if (entry == seen) {
                        refreshQuietly();
                    }
                } finally {
                    lock.unlock();
                }
            }
            Entry current = entry;
            return now < current.staleAt ? current.value : seen.value;
        }
        return blockingRefresh();
    }

    private AwsCredentials blockingRefresh() {
        long seenGeneration = generation;
        lock.lock();
        try {
            Entry current = entry;
            if (current != null && clock.millis() < current.staleAt) {
                return current.value;
            }
            Failure failure = lastFailure;
            if (generation != seenGeneration && failure != null && failure.generation == generation) {
                throw shared(failure.error);
            }
            return refreshLocked().value;
        } finally {
            lock.unlock();
        }
    }

    private Entry refreshLocked() {
        Session session;
        try {
            session = refresher.get();
        } catch (RuntimeException e) {
            lastFailure = new Failure(e, ++generation);
            throw e;
        }
        long expiresAt = session.expiration().toEpochMilli();
        long staleAt = expiresAt - staleMillis;
        Entry fresh = new Entry(session.credentials(), Math.min(expiresAt - prefetchMillis, staleAt), staleAt);
        entry = fresh;
        lastFailure = null;
        generation++;
        LOG.debug("Credentials refreshed [expiration={}, prefetchInMs={}]", session.expiration(),
                fresh.prefetchAt - clock.millis());
        long now = clock.millis();
        if (fresh.prefetchAt <= now) {
            // The session is shorter than prefetchTime: refresh later rather than in a tight loop.
            scheduleBackground(Math.max(1000, (fresh.staleAt - now) / 2));
        } else {
            scheduleBackground(fresh.prefetchAt - now);
        }
        return fresh;
    }

    private void refreshQuietly() {
        try {
            refreshLocked();
        } catch (RuntimeException e) {
            LOG.debug("Prefetch failed; keeping the current credentials until their stale time [error={}]", e.toString());
        }
    }

    private void scheduleBackground(long delayMillis) {
        if (executor == null || closed) {
            return;
        }
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        scheduled = executor.schedule(this::backgroundRefresh, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    }

    private void backgroundRefresh() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            Entry current = entry;
            long now = clock.millis();
            if (current != null && now < current.prefetchAt) {
                scheduleBackground(current.prefetchAt - now);
                return;
            }
            try {
                refreshLocked();
            } catch (RuntimeException e) {
                long retryIn = current == null ? 1000 : Math.max(1000, Math.min(30_000, (current.staleAt - now) / 2));
                LOG.debug("Background refresh failed; retrying [inMs={}, error={}]", retryIn, e.toString());
                scheduleBackground(retryIn);
            }
        } finally {
            lock.unlock();
        }
    }

    private static RuntimeException shared(RuntimeException error) {
        if (error instanceof GitHubOidcException domain) {
            return new GitHubOidcException(domain.getMessage(), domain.errorCode(), domain);
        }
        return new GitHubOidcException(error.getMessage(), error);
    }

    @Override
    public void close() {
        closed = true;
        if (executor != null) {
            executor.shutdownNow();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.debug("Background refresh thread did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
