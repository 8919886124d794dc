package io.github.ghaoidc.core.claims;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The complete claim set GitHub Actions would put in an ID token for a {@link WorkflowContext}: every
 * claim a JSON string except {@code exp}/{@code iat}/{@code nbf} (numbers), keys in alphabetical order,
 * optional claims present only when the context calls for them. Immutable and thread-safe.
 *
 * <pre>{@code
 * Map<String, Object> claims = GitHubClaims.builder()
 *         .context(WorkflowContext.push("octo-org/app", "main"))
 *         .issuedAt(Instant.now())
 *         .build()
 *         .asMap();
 * }</pre>
 */
public final class GitHubClaims {

    /** The github.com issuer ({@code iss}), no trailing slash. */
    public static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    /** GitHub's token lifetime: {@code exp = iat + 300}. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);
    /** GitHub's (2026) not-before skew: {@code nbf = iat - 300}. */
    public static final Duration DEFAULT_NOT_BEFORE_SKEW = Duration.ofSeconds(300);

    private final Map<String, Object> claims;

    private GitHubClaims(Builder b) {
        WorkflowContext context = Objects.requireNonNull(b.context, "context");
        requireNonNegative(b.lifetime, "lifetime");
        requireNonNegative(b.notBeforeSkew, "notBeforeSkew");
        Instant issuedAt = b.issuedAt != null ? b.issuedAt : Clock.systemUTC().instant();
        long iat = issuedAt.getEpochSecond();
        TreeMap<String, Object> all = new TreeMap<>(contextClaims(context));
        all.put(ClaimNames.ISS, requireNonBlank(b.issuer, "issuer"));
        all.put(ClaimNames.AUD, b.audience != null ? requireNonBlank(b.audience, "audience") : defaultAudience(context));
        all.put(ClaimNames.JTI, b.jwtId != null ? b.jwtId : UUID.randomUUID().toString());
        all.put(ClaimNames.IAT, iat);
        all.put(ClaimNames.EXP, iat + b.lifetime.getSeconds());
        all.put(ClaimNames.NBF, iat - b.notBeforeSkew.getSeconds());
        b.overrides.forEach((name, value) -> {
            if (value == null) {
                all.remove(name);
            } else {
                all.put(name, value);
            }
        });
        this.claims = Collections.unmodifiableMap(new LinkedHashMap<>(all));
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The claims derived from the context alone, sorted by name, all strings: everything but {@code aud},
     * {@code iss}, {@code jti}, {@code exp}, {@code iat}, {@code nbf}. Includes {@code sub}.
     */
    public static Map<String, String> contextClaims(WorkflowContext c) {
        TreeMap<String, String> m = claimsWithoutSubject(c);
        m.put(ClaimNames.SUB, Subjects.subject(c, m));
        return Collections.unmodifiableMap(m);
    }

    static TreeMap<String, String> claimsWithoutSubject(WorkflowContext c) {
        TreeMap<String, String> m = new TreeMap<>();
        m.put(ClaimNames.ACTOR, c.actor());
        m.put(ClaimNames.ACTOR_ID, Long.toString(c.actorId()));
        m.put(ClaimNames.BASE_REF, c.baseRef());
        m.put(ClaimNames.CHECK_RUN_ID, Long.toString(c.checkRunId()));
        if (c.enterprise() != null) {
            m.put(ClaimNames.ENTERPRISE, c.enterprise());
            m.put(ClaimNames.ENTERPRISE_ID, Long.toString(c.enterpriseId()));
        }
        if (c.environment() != null) {
            m.put(ClaimNames.ENVIRONMENT, c.environment());
            m.put(ClaimNames.ENVIRONMENT_NODE_ID, c.environmentNodeId());
        }
        m.put(ClaimNames.EVENT_NAME, c.eventName());
        m.put(ClaimNames.HEAD_REF, c.headRef());
        m.put(ClaimNames.JOB_WORKFLOW_REF, c.jobWorkflowRef());
        m.put(ClaimNames.JOB_WORKFLOW_SHA, c.jobWorkflowSha());
        m.put(ClaimNames.REF, c.ref());
        m.put(ClaimNames.REF_PROTECTED, Boolean.toString(c.refProtected()));
        m.put(ClaimNames.REF_TYPE, refType(c.ref()));
        c.repoProperties().forEach((k, v) -> m.put(ClaimNames.REPO_PROPERTY_PREFIX + k, v));
        m.put(ClaimNames.REPOSITORY, c.repository());
        m.put(ClaimNames.REPOSITORY_ID, Long.toString(c.repositoryId()));
        m.put(ClaimNames.REPOSITORY_OWNER, c.repositoryOwner());
        m.put(ClaimNames.REPOSITORY_OWNER_ID, Long.toString(c.ownerId()));
        m.put(ClaimNames.REPOSITORY_VISIBILITY, c.visibility());
        m.put(ClaimNames.RUN_ATTEMPT, Long.toString(c.runAttempt()));
        m.put(ClaimNames.RUN_ID, Long.toString(c.runId()));
        m.put(ClaimNames.RUN_NUMBER, Long.toString(c.runNumber()));
        m.put(ClaimNames.RUNNER_ENVIRONMENT, c.runnerEnvironment());
        m.put(ClaimNames.SHA, c.sha());
        m.put(ClaimNames.WORKFLOW, c.workflow());
        m.put(ClaimNames.WORKFLOW_REF, c.workflowRef());
        m.put(ClaimNames.WORKFLOW_SHA, c.sha());
        return m;
    }

    /** GitHub's default audience when a client asks for none: {@code https://github.com/OWNER}. */
    public static String defaultAudience(WorkflowContext context) {
        return "https://github.com/" + context.repositoryOwner();
    }

    /** All claims in alphabetical order; {@code exp}/{@code iat}/{@code nbf} are {@link Long}, the rest strings. */
    public Map<String, Object> asMap() {
        return claims;
    }

    /** The {@code sub} claim. */
    public String subject() {
        return (String) claims.get(ClaimNames.SUB);
    }

    @Override
    public String toString() {
        return "GitHubClaims[sub=" + claims.get(ClaimNames.SUB) + ", aud=" + claims.get(ClaimNames.AUD) + "]";
    }

    private static String refType(String ref) {
        if (ref.startsWith("refs/tags/")) {
            return "tag";
        }
        return ref.isEmpty() ? "" : "branch";
    }

    private static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    private static void requireNonNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive, got: " + d);
        }
    }

    /** Builds {@link GitHubClaims}. Not thread-safe. */
    public static final class Builder {
        private WorkflowContext context;
        private String issuer = GITHUB_ISSUER;
        private String audience;
        private Instant issuedAt;
        private Duration lifetime = DEFAULT_LIFETIME;
        private Duration notBeforeSkew = DEFAULT_NOT_BEFORE_SKEW;
        private String jwtId;
        private final Map<String, Object> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** The job; required. */
        public Builder context(WorkflowContext context) { this.context = context; return this; }
        /** {@code iss}. Default {@link #GITHUB_ISSUER}. */
        public Builder issuer(String issuer) { this.issuer = issuer; return this; }
        /** {@code aud}. Default {@link #defaultAudience(WorkflowContext)}. */
        public Builder audience(String audience) { this.audience = audience; return this; }
        /** {@code iat} (whole seconds). Default: now, from the system UTC clock. */
        public Builder issuedAt(Instant issuedAt) { this.issuedAt = issuedAt; return this; }
        /** {@code exp - iat}. Default 300 s. */
        public Builder lifetime(Duration lifetime) { this.lifetime = lifetime; return this; }
        /** {@code iat - nbf}. Default 300 s (GitHub used 600 s in 2021–2025). */
        public Builder notBeforeSkew(Duration skew) { this.notBeforeSkew = skew; return this; }
        /** {@code jti}. Default a fresh random UUID. */
        public Builder jwtId(String jwtId) { this.jwtId = jwtId; return this; }
        /**
         * Adds or replaces one claim after derivation (for tests of unusual tokens); {@code null} removes
         * it. Values should be strings, numbers, booleans or lists of them.
         */
        public Builder claim(String name, Object value) { overrides.put(Objects.requireNonNull(name, "name"), value); return this; }

        public GitHubClaims build() {
            return new GitHubClaims(this);
        }
    }
}
