package io.github.ghaoidc.emulator.internal;

import io.github.ghaoidc.emulator.RecordedRequest;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO of the requests a server received: when full, the oldest is dropped and counted. Every
 * request is counted even while recording is off (then nothing is kept). Thread-safe. Not API.
 */
public final class RequestRecorder {

    private final boolean enabled;
    private final int limit;
    private final AtomicLong received = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final ArrayDeque<RecordedRequest> queue = new ArrayDeque<>();
    private long dropped;

    public RequestRecorder(boolean enabled, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("recordedRequestLimit must be at least 1, got: " + limit);
        }
        this.enabled = enabled;
        this.limit = limit;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Counts one received request and returns its sequence number (0-based). */
    public long nextSequence() {
        return received.getAndIncrement();
    }

    public void add(RecordedRequest request) {
        lock.lock();
        try {
            if (queue.size() >= limit) {
                queue.removeFirst();
                dropped++;
            }
            queue.addLast(request);
            available.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The oldest kept request, waiting up to {@code timeout}; {@code null} when none arrived in time. */
    public RecordedRequest take(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = available.awaitNanos(nanos);
            }
            return queue.removeFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Requests received so far, recorded or not. */
    public long count() {
        return received.get();
    }

    /** Requests dropped because the queue was full. */
    public long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }
}
