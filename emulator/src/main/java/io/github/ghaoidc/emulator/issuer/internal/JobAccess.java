package io.github.ghaoidc.emulator.issuer.internal;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.Job;
import java.time.Instant;

/**
 * Lets the job registry create {@link Job}s and reach their internals without making them public API (the
 * accessor idiom of OkHttp's {@code Internal}): {@code Job} installs the one {@link Bridge} when its class is
 * initialised. Not API.
 */
public final class JobAccess {

    /** What the registry needs from {@link Job} beyond its public API. */
    public interface Bridge {
        Job newJob(String id, WorkflowContext context, String requestUrl, String requestToken, Instant issuedAt,
                   Instant expiresAt);

        FaultSlot faultSlot(Job job);

        /** Constant-time comparison of {@code bearer} with the job's request token. */
        boolean accepts(Job job, String bearer);
    }

    private static volatile Bridge bridge;

    private JobAccess() {
    }

    /** Called once, by {@code Job}'s static initialiser. */
    public static void install(Bridge b) {
        synchronized (JobAccess.class) {
            if (bridge != null) {
                throw new IllegalStateException("the job bridge is installed once, by Job");
            }
            bridge = b;
        }
    }

    static Bridge bridge() {
        Bridge b = bridge;
        if (b == null) {
            try {
                Class.forName(Job.class.getName(), true, Job.class.getClassLoader()); // runs Job's installer
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("cannot initialise " + Job.class.getSimpleName(), e);
            }
            b = bridge;
        }
        return b;
    }
}
