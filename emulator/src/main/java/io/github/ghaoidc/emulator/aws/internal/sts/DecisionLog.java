package io.github.ghaoidc.emulator.aws.internal.sts;

import io.github.ghaoidc.emulator.aws.TrustDecisionRecord;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last N trust decisions, newest first, each also logged at DEBUG. Thread-safe. */
public final class DecisionLog {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);

    private final Deque<TrustDecisionRecord> records = new ArrayDeque<>();
    private final int capacity;

    public DecisionLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("decision history size must be at least 1, got: " + capacity);
        }
        this.capacity = capacity;
    }

    public void record(TrustDecisionRecord record) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("trust decision [action={}, role={}, principal={}, decision={}]\n{}", record.action(),
                    record.roleArn(), record.principal(), record.decision(), record.explanation());
        }
        synchronized (records) {
            records.addFirst(record);
            if (records.size() > capacity) {
                records.removeLast();
            }
        }
    }

    /** The recorded decisions, newest first. */
    public List<TrustDecisionRecord> snapshot() {
        synchronized (records) {
            return List.copyOf(new ArrayList<>(records));
        }
    }
}
