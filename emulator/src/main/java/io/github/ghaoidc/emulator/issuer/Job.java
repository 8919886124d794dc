package io.github.ghaoidc.emulator.issuer;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.internal.FaultSlot;
import io.github.ghaoidc.emulator.issuer.internal.JobAccess;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One simulated job: a {@link WorkflowContext} and the {@code ACTIONS_ID_TOKEN_REQUEST_URL} /
 * {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN} pair a runner would give it. Thread-safe; the context is fixed,
 * the fault may change. The request token is a signed JWT scoped to this job that expires at
 * {@link #requestTokenExpiresAt()} (job creation + the job lifetime); {@link #toString()} never shows it.
 */
public final class Job {

    private final String id;
    private final WorkflowContext context;
    private final String requestUrl;
    private final String requestToken;
    private final Instant requestTokenIssuedAt;
    private final Instant requestTokenExpiresAt;
    private final FaultSlot fault = new FaultSlot();

    static {
        JobAccess.install(new JobAccess.Bridge() {
            @Override
            public Job newJob(String id, WorkflowContext context, String requestUrl, String requestToken,
                              Instant issuedAt, Instant expiresAt) {
                return new Job(id, context, requestUrl, requestToken, issuedAt, expiresAt);
            }

            @Override
            public FaultSlot faultSlot(Job job) {
                return job.fault;
            }

            @Override
            public boolean accepts(Job job, String bearer) {
                return job.accepts(bearer);
            }
        });
    }

    private Job(String id, WorkflowContext context, String requestUrl, String requestToken, Instant requestTokenIssuedAt,
                Instant requestTokenExpiresAt) {
        this.id = id;
        this.context = Objects.requireNonNull(context, "context");
        this.requestUrl = requestUrl;
        this.requestToken = requestToken;
        this.requestTokenIssuedAt = requestTokenIssuedAt;
        this.requestTokenExpiresAt = requestTokenExpiresAt;
    }

    public String id() {
        return id;
    }

    public WorkflowContext context() {
        return context;
    }

    /** The value for {@code ACTIONS_ID_TOKEN_REQUEST_URL}; it already carries {@code ?api-version=2.0}. */
    public String requestUrl() {
        return requestUrl;
    }

    /** The value for {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}: a secret, never log it. */
    public String requestToken() {
        return requestToken;
    }

    /** The request token's {@code iat} and {@code nbf}: the job's creation, in whole seconds. */
    public Instant requestTokenIssuedAt() {
        return requestTokenIssuedAt;
    }

    /** The request token's {@code exp}: after it (by the emulator's clock) the runtime endpoint answers 401. */
    public Instant requestTokenExpiresAt() {
        return requestTokenExpiresAt;
    }

    /** Sets (or, with {@code null}, clears) this job's fault; it takes precedence over the global one. */
    public void setFault(Fault f) {
        fault.set(f);
    }

    public void clearFault() {
        fault.set(null);
    }

    /** The fault currently set on this job, or {@code null}. */
    public Fault fault() {
        return fault.current();
    }

    /** Constant-time comparison of a presented bearer with this job's request token. */
    private boolean accepts(String bearer) {
        return bearer != null && MessageDigest.isEqual(bearer.getBytes(StandardCharsets.UTF_8),
                requestToken.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Job[id=" + id + ", " + context + "]";
    }
}
