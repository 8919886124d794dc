package io.github.ghaoidc.emulator.issuer.internal;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.issuer.Fault;
import io.github.ghaoidc.emulator.issuer.Job;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The simulated jobs one emulator serves, each with its own request URL and request token, plus the
 * global fault. Thread-safe. Not API: reach jobs through {@code GitHubOidcEmulator}.
 */
public final class JobRegistry {

    /** Path prefix of the runtime token endpoint: {@code /_apis/jobs/{id}/idtoken?api-version=2.0}. */
    public static final String RUNTIME_PREFIX = "/_apis/jobs/";
    /** Id of the job that exists from start. */
    public static final String DEFAULT_JOB_ID = "default";

    /** Why {@link #remove} refuses the default job. */
    public static final String DEFAULT_JOB_KEPT = "the default job cannot be removed; it lives as long as the emulator "
            + "(create other jobs with POST /_admin/jobs or createJob(...) and remove those)";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** How long a job's request token is valid by default: about a job's life, as observed on GitHub. */
    public static final Duration DEFAULT_JOB_LIFETIME = Duration.ofHours(6).plusMinutes(10);
    /** The longest job lifetime accepted (GitHub's limit for a workflow run). */
    public static final Duration MAX_JOB_LIFETIME = Duration.ofDays(35);

    private final String baseUrl;
    private final Clock clock;
    private final Duration defaultLifetime;
    private final RequestTokens requestTokens;
    private final ConcurrentMap<String, Job> jobs = new ConcurrentHashMap<>();
    private final FaultSlot globalFault = new FaultSlot();
    private final JobAccess.Bridge access = JobAccess.bridge();

    /** Jobs on {@code baseUrl}, system clock, {@link #DEFAULT_JOB_LIFETIME}. */
    public JobRegistry(String baseUrl) {
        this(baseUrl, Clock.systemUTC(), DEFAULT_JOB_LIFETIME);
    }

    /**
     * Jobs on {@code baseUrl} whose request tokens are issued and checked by {@code clock} and live
     * {@code defaultLifetime} unless a job says otherwise.
     */
    public JobRegistry(String baseUrl, Clock clock, Duration defaultLifetime) {
        this.baseUrl = baseUrl;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultLifetime = checkLifetime(defaultLifetime);
        this.requestTokens = new RequestTokens(baseUrl + "/_apis");
    }

    /**
     * A job lifetime must be positive and at most {@link #MAX_JOB_LIFETIME}.
     *
     * @throws EmulatorException naming the rule otherwise
     */
    public static Duration checkLifetime(Duration lifetime) {
        Objects.requireNonNull(lifetime, "jobLifetime");
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_JOB_LIFETIME) > 0) {
            throw new EmulatorException("job lifetime must be between 1 second and 35 days, got: " + lifetime);
        }
        return lifetime;
    }

    /**
     * Creates a job with the default lifetime; {@code id} {@code null} picks a random one.
     *
     * @throws EmulatorException when the id is malformed or taken
     */
    public Job create(String id, WorkflowContext context) {
        return create(id, context, null);
    }

    /**
     * Creates a job whose request token expires {@code lifetime} from now ({@code null}: the default).
     *
     * @throws EmulatorException when the id is malformed or taken, or the lifetime out of range
     */
    public Job create(String id, WorkflowContext context, Duration lifetime) {
        Duration life = lifetime == null ? defaultLifetime : checkLifetime(lifetime);
        String jobId = id == null ? UUID.randomUUID().toString() : id;
        if (!ID.matcher(jobId).matches()) {
            throw new EmulatorException("job id must be 1-64 letters, digits, '_', '.', '-', got: '" + jobId + "'");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS); // JWT times are whole seconds
        Instant expiresAt = now.plus(life);
        String token = requestTokens.issue(jobId, String.valueOf(Objects.requireNonNull(context, "context").runId()), now, expiresAt);
        Job job = access.newJob(jobId, context, baseUrl + RUNTIME_PREFIX + jobId + "/idtoken?api-version=2.0", token, now,
                expiresAt);
        if (jobs.putIfAbsent(jobId, job) != null) {
            throw new EmulatorException("job id '" + jobId + "' already exists");
        }
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    public List<Job> all() {
        List<Job> list = new ArrayList<>(jobs.values());
        list.sort((a, b) -> a.id().compareTo(b.id()));
        return list;
    }

    /**
     * Removes job {@code id}; {@code true} if it existed.
     *
     * @throws EmulatorException for the default job, which lives as long as the emulator
     */
    public boolean remove(String id) {
        if (DEFAULT_JOB_ID.equals(id)) {
            throw new EmulatorException(DEFAULT_JOB_KEPT);
        }
        return jobs.remove(id) != null;
    }

    public void setGlobalFault(Fault fault) {
        globalFault.set(fault);
    }

    public Fault globalFault() {
        return globalFault.current();
    }

    /** The fault for one request to {@code job}: its own if set, else the global one; {@code null} for none. */
    public Fault takeFault(Job job) {
        Fault own = access.faultSlot(job).take();
        return own != null ? own : globalFault.take();
    }

    /**
     * Checks {@code bearer} for {@code job} now: the very token the job was given (constant-time comparison), and
     * within its {@code nbf <= now < exp} by this registry's clock. Every job's token was signed here for exactly
     * that job, so once it matches, its signature, issuer and audience hold by construction and the token need
     * not be parsed again on each request.
     */
    public RequestTokens.Verdict checkRequestToken(Job job, String bearer) {
        if (bearer == null || !access.accepts(job, bearer)) {
            return RequestTokens.Verdict.INVALID;
        }
        return RequestTokens.within(clock.instant(), job.requestTokenIssuedAt(), job.requestTokenExpiresAt());
    }

    /**
     * {@code true} if {@code bearer} is a request token this registry signed for job id {@code jobId}, whether or
     * not that job still exists or the token has expired: only then may a caller learn that the job is gone.
     */
    public boolean issuedFor(String jobId, String bearer) {
        return bearer != null && requestTokens.check(bearer, jobId, clock.instant()) != RequestTokens.Verdict.INVALID;
    }
}
