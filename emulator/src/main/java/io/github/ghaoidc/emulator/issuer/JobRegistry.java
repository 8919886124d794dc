package io.github.ghaoidc.emulator.issuer;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.issuer.internal.FaultSlot;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The simulated jobs one emulator serves, each with its own request URL and request token, plus the
 * global fault. Thread-safe.
 */
public final class JobRegistry {

    /** Path prefix of the runtime token endpoint: {@code /_apis/jobs/{id}/idtoken?api-version=2.0}. */
    public static final String RUNTIME_PREFIX = "/_apis/jobs/";
    /** Id of the job that exists from start. */
    public static final String DEFAULT_JOB_ID = "default";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String baseUrl;
    private final ConcurrentMap<String, Job> jobs = new ConcurrentHashMap<>();
    private final FaultSlot globalFault = new FaultSlot();

    public JobRegistry(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Creates a job; {@code id} {@code null} picks a random one.
     *
     * @throws EmulatorException when the id is malformed or taken
     */
    public Job create(String id, WorkflowContext context) {
        String jobId = id == null ? UUID.randomUUID().toString() : id;
        if (!ID.matcher(jobId).matches()) {
            throw new EmulatorException("job id must be 1-64 letters, digits, '_', '.', '-', got: '" + jobId + "'");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Job job = new Job(jobId, context, baseUrl + RUNTIME_PREFIX + jobId + "/idtoken?api-version=2.0", token);
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

    /** Removes job {@code id}; {@code true} if it existed. */
    public boolean remove(String id) {
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
        Fault own = job.faultSlot().take();
        return own != null ? own : globalFault.take();
    }

    /** {@code true} if {@code bearer} is {@code job}'s request token (constant-time). */
    public static boolean accepts(Job job, String bearer) {
        return job.accepts(bearer);
    }
}
