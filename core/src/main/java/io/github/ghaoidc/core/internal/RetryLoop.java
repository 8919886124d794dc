package io.github.ghaoidc.core.internal;

import java.time.Duration;
import java.util.function.Function;

import io.github.ghaoidc.core.GitHubOidcException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * Runs an attempt under one of the SDK's {@link RetryStrategy retry strategies} (which decides what is
 * retryable and how long to back off) and one overall deadline that no attempt or sleep may cross.
 */
public final class RetryLoop {

    /** One attempt; receives the time left before the overall deadline. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(Duration remaining);
    }

    /** What the loop gave up on: the last failure, how many attempts ran, and whether time ran out. */
    public record GiveUp(RuntimeException lastFailure, int attempts, boolean deadlineReached) {
    }

    private final RetryStrategy strategy;
    private final Duration overallTimeout;
    private final Sleeper sleeper;

    public RetryLoop(RetryStrategy strategy, Duration overallTimeout, Sleeper sleeper) {
        this.strategy = strategy;
        this.overallTimeout = overallTimeout;
        this.sleeper = sleeper;
    }

    /**
     * Runs {@code attempt} until it succeeds, the strategy refuses another try, or the deadline passes;
     * then throws what {@code onGiveUp} makes of the last failure.
     */
    public <T> T run(String scope, Attempt<T> attempt, Function<GiveUp, RuntimeException> onGiveUp) {
        long deadline = System.nanoTime() + overallTimeout.toNanos();
        RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create(scope)).token();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                T result = attempt.run(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                strategy.recordSuccess(RecordSuccessRequest.create(token));
                return result;
            } catch (RuntimeException failure) {
                Duration delay;
                try {
                    var refreshed = strategy.refreshRetryToken(
                            RefreshRetryTokenRequest.builder().token(token).failure(failure).build());
                    token = refreshed.token();
                    delay = refreshed.delay();
                } catch (TokenAcquisitionFailedException refused) {
                    throw onGiveUp.apply(new GiveUp(failure, attempts, false));
                }
                if (System.nanoTime() + delay.toNanos() >= deadline) {
                    throw onGiveUp.apply(new GiveUp(failure, attempts, true));
                }
                sleeper.sleep(delay);
            }
        }
    }

    /** Sleeps between attempts; a seam so unit tests need not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration delay);

        /** Really sleeps; an interrupt aborts the refresh and keeps the thread's interrupt flag. */
        static Sleeper threadSleep() {
            return delay -> {
                try {
                    Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GitHubOidcException("Interrupted while waiting to retry", e);
                }
            };
        }
    }
}
