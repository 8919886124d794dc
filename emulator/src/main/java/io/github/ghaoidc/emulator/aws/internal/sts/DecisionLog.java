package io.github.ghaoidc.emulator.aws.internal.sts;

import io.github.ghaoidc.emulator.aws.TrustDecisionRecord;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last N trust decisions, newest first, each also logged at DEBUG with its explanation. Explanations are
 * rendered lazily, when read. Thread-safe.
 */
public final class DecisionLog {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);

    private record Entry(Instant time, String action, String roleArn, String principal, String sessionName,
            TrustVerdict verdict) {

        TrustDecisionRecord toRecord() {
            return new TrustDecisionRecord(time, action, roleArn, principal, sessionName, verdict.allowed(),
                    verdict.decision(), verdict.explanation().get());
        }
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final int capacity;

    public DecisionLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("decision history size must be at least 1, got: " + capacity);
        }
        this.capacity = capacity;
    }

    void record(Instant time, String action, String roleArn, String principal, String sessionName,
            TrustVerdict verdict) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("trust decision [action={}, role={}, principal={}, session={}, decision={}]\n{}", action, roleArn,
                    principal, sessionName, verdict.decision(), verdict.explanation().get());
        }
        synchronized (entries) {
            entries.addFirst(new Entry(time, action, roleArn, principal, sessionName, verdict));
            if (entries.size() > capacity) {
                entries.removeLast();
            }
        }
    }

    /** The recorded decisions, newest first. */
    public List<TrustDecisionRecord> snapshot() {
        List<Entry> copy;
        synchronized (entries) {
            copy = List.copyOf(entries);
        }
        return copy.stream().map(Entry::toRecord).toList();
    }
}
