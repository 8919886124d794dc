package io.github.ghaoidc.core.claims;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A GitHub Actions job as the OIDC issuer sees it: the few inputs from which every claim of its ID
 * token is derived ({@link GitHubClaims}). Everything not set gets a realistic, deterministic default
 * (repository {@code octo-org/octo-repo}, a push to {@code refs/heads/main}, IDs and SHAs derived from
 * the names). Immutable and thread-safe.
 *
 * <pre>{@code
 * WorkflowContext ctx = WorkflowContext.push("octo-org/app", "main");
 * WorkflowContext prod = ctx.toBuilder().environment("prod").build();
 * }</pre>
 */
public final class WorkflowContext {

    /** Default repository when none is given. */
    public static final String DEFAULT_REPOSITORY = "octo-org/octo-repo";

    private final String repository;
    private final long repositoryId;
    private final long ownerId;
    private final String eventName;
    private final String ref;
    private final String sha;
    private final boolean refProtected;
    private final String headRef;
    private final String baseRef;
    private final String environment;
    private final String environmentNodeId;
    private final String actor;
    private final long actorId;
    private final String workflow;
    private final String workflowPath;
    private final String jobWorkflowRef;
    private final String jobWorkflowSha;
    private final String visibility;
    private final String runnerEnvironment;
    private final String enterprise;
    private final Long enterpriseId;
    private final Map<String, String> repoProperties;
    private final long runId;
    private final long runNumber;
    private final long runAttempt;
    private final long checkRunId;
    private final boolean immutableSubject;
    private final SubjectCustomization subjectCustomization;
    private final Builder inputs;

    private WorkflowContext(Builder b) {
        ContextDefaults d = ContextDefaults.resolve(b);
        this.repository = d.repository;
        this.repositoryId = d.repositoryId;
        this.ownerId = d.ownerId;
        this.eventName = d.eventName;
        this.ref = d.ref;
        this.sha = d.sha;
        this.refProtected = b.refProtected;
        this.headRef = d.headRef;
        this.baseRef = d.baseRef;
        this.environment = d.environment;
        this.environmentNodeId = d.environmentNodeId;
        this.actor = d.actor;
        this.actorId = d.actorId;
        this.workflow = d.workflow;
        this.workflowPath = d.workflowPath;
        this.jobWorkflowRef = d.jobWorkflowRef;
        this.jobWorkflowSha = d.jobWorkflowSha;
        this.visibility = d.visibility;
        this.runnerEnvironment = d.runnerEnvironment;
        this.enterprise = d.enterprise;
        this.enterpriseId = d.enterpriseId;
        this.repoProperties = Collections.unmodifiableMap(new TreeMap<>(b.repoProperties));
        this.runId = d.runId;
        this.runNumber = d.runNumber;
        this.runAttempt = d.runAttempt;
        this.checkRunId = d.checkRunId;
        this.immutableSubject = b.immutableSubject;
        this.subjectCustomization = b.subjectCustomization;
        this.inputs = b.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The all-defaults context: a push to {@code refs/heads/main} of {@code octo-org/octo-repo}. */
    public static WorkflowContext defaults() {
        return builder().build();
    }

    /** A {@code push} to branch {@code branch} (a short name like {@code main}) of {@code repository}. */
    public static WorkflowContext push(String repository, String branch) {
        return builder().repository(repository).eventName("push").branch(branch).build();
    }

    /** A {@code push} of tag {@code tag} (a short name like {@code v1.2.0}). */
    public static WorkflowContext tag(String repository, String tag) {
        return builder().repository(repository).eventName("push").ref("refs/tags/" + tag).build();
    }

    /** A {@code pull_request} event for pull request {@code number}, merge ref, base {@code main}. */
    public static WorkflowContext pullRequest(String repository, int number) {
        return builder().repository(repository).eventName("pull_request")
                .ref("refs/pull/" + number + "/merge").build();
    }

    /** A {@code pull_request_target} event: its {@code ref} is the base branch. */
    public static WorkflowContext pullRequestTarget(String repository, String baseBranch) {
        return builder().repository(repository).eventName("pull_request_target").branch(baseBranch).build();
    }

    /** A manual {@code workflow_dispatch} run on {@code branch}. */
    public static WorkflowContext workflowDispatch(String repository, String branch) {
        return builder().repository(repository).eventName("workflow_dispatch").branch(branch).build();
    }

    /** A {@code schedule} run (always on the default branch, {@code main}). */
    public static WorkflowContext schedule(String repository) {
        return builder().repository(repository).eventName("schedule").branch("main").build();
    }

    /** A {@code push} to {@code branch} whose job references deployment environment {@code environment}. */
    public static WorkflowContext inEnvironment(String repository, String branch, String environment) {
        return builder().repository(repository).eventName("push").branch(branch).environment(environment).build();
    }

    /**
     * A {@code push} to {@code branch} whose job calls the reusable workflow {@code jobWorkflowRef}
     * ({@code owner/repo/.github/workflows/file.yml@ref}).
     */
    public static WorkflowContext reusableWorkflow(String repository, String branch, String jobWorkflowRef) {
        return builder().repository(repository).eventName("push").branch(branch)
                .jobWorkflowRef(jobWorkflowRef).build();
    }

    /**
     * A builder holding the inputs this context was built from; values that were defaulted stay unset, so
     * they are derived again from whatever the builder changes (a new repository gets new IDs).
     */
    public Builder toBuilder() {
        return inputs.copy();
    }

    /** {@code OWNER/REPO}. */
    public String repository() { return repository; }
    /** {@code OWNER}. */
    public String repositoryOwner() { return repository.substring(0, repository.indexOf('/')); }
    /** {@code REPO}. */
    public String repositoryName() { return repository.substring(repository.indexOf('/') + 1); }
    public long repositoryId() { return repositoryId; }
    public long ownerId() { return ownerId; }
    public String eventName() { return eventName; }
    /** The full ref ({@code refs/heads/…}, {@code refs/tags/…}, {@code refs/pull/N/merge}) or {@code ""}. */
    public String ref() { return ref; }
    public String sha() { return sha; }
    public boolean refProtected() { return refProtected; }
    /** Head branch of a pull request, {@code ""} otherwise. */
    public String headRef() { return headRef; }
    /** Base branch of a pull request, {@code ""} otherwise. */
    public String baseRef() { return baseRef; }
    /** The deployment environment the job references, or {@code null}. */
    public String environment() { return environment; }
    /** The environment's node id, or {@code null} without an environment. */
    public String environmentNodeId() { return environmentNodeId; }
    public String actor() { return actor; }
    public long actorId() { return actorId; }
    /** The workflow's {@code name:} (or its file path when it has none). */
    public String workflow() { return workflow; }
    /** The caller workflow's file path, e.g. {@code .github/workflows/ci.yml}. */
    public String workflowPath() { return workflowPath; }
    /** {@code OWNER/REPO/PATH@REF} of the caller workflow. */
    public String workflowRef() { return repository + "/" + workflowPath + "@" + ref; }
    /** The workflow that runs the job: the reusable workflow if one is called, else {@link #workflowRef()}. */
    public String jobWorkflowRef() { return jobWorkflowRef == null ? workflowRef() : jobWorkflowRef; }
    /** {@code true} when the job runs a reusable workflow. */
    public boolean isReusableWorkflow() { return jobWorkflowRef != null; }
    public String jobWorkflowSha() { return jobWorkflowSha; }
    /** {@code public}, {@code private} or {@code internal}. */
    public String visibility() { return visibility; }
    /** {@code github-hosted} or {@code self-hosted}. */
    public String runnerEnvironment() { return runnerEnvironment; }
    /** Enterprise slug, or {@code null} when the repository is not enterprise-owned. */
    public String enterprise() { return enterprise; }
    /** Enterprise id, or {@code null} when the repository is not enterprise-owned. */
    public Long enterpriseId() { return enterpriseId; }
    /** Opted-in custom repository properties (name → value), sorted by name. */
    public Map<String, String> repoProperties() { return repoProperties; }
    public long runId() { return runId; }
    public long runNumber() { return runNumber; }
    public long runAttempt() { return runAttempt; }
    public long checkRunId() { return checkRunId; }
    /** {@code true} for the immutable {@code repo:OWNER@ID/REPO@ID:…} subject form. */
    public boolean immutableSubject() { return immutableSubject; }
    public SubjectCustomization subjectCustomization() { return subjectCustomization; }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkflowContext other && GitHubClaims.contextClaims(this).equals(GitHubClaims.contextClaims(other));
    }

    @Override
    public int hashCode() {
        return GitHubClaims.contextClaims(this).hashCode();
    }

    @Override
    public String toString() {
        return "WorkflowContext[repository=" + repository + ", event=" + eventName + ", ref=" + ref
                + (environment == null ? "" : ", environment=" + environment)
                + (jobWorkflowRef == null ? "" : ", jobWorkflowRef=" + jobWorkflowRef) + "]";
    }

    /** Builds a {@link WorkflowContext}; every setter is optional. Not thread-safe. */
    public static final class Builder {
        String repository;
        Long repositoryId;
        Long ownerId;
        String eventName;
        String ref;
        String sha;
        boolean refProtected;
        String headRef;
        String baseRef;
        String environment;
        String actor;
        Long actorId;
        String workflow;
        String workflowPath;
        String jobWorkflowRef;
        String jobWorkflowSha;
        String visibility;
        String runnerEnvironment;
        String enterprise;
        Long enterpriseId;
        Map<String, String> repoProperties = new TreeMap<>();
        Long runId;
        Long runNumber;
        Long runAttempt;
        Long checkRunId;
        boolean immutableSubject;
        SubjectCustomization subjectCustomization = SubjectCustomization.useDefault();

        private Builder() {
        }

        private Builder copy() {
            Builder c = new Builder();
            c.repository = repository;
            c.repositoryId = repositoryId;
            c.ownerId = ownerId;
            c.eventName = eventName;
            c.ref = ref;
            c.sha = sha;
            c.refProtected = refProtected;
            c.headRef = headRef;
            c.baseRef = baseRef;
            c.environment = environment;
            c.actor = actor;
            c.actorId = actorId;
            c.workflow = workflow;
            c.workflowPath = workflowPath;
            c.jobWorkflowRef = jobWorkflowRef;
            c.jobWorkflowSha = jobWorkflowSha;
            c.visibility = visibility;
            c.runnerEnvironment = runnerEnvironment;
            c.enterprise = enterprise;
            c.enterpriseId = enterpriseId;
            c.repoProperties = new TreeMap<>(repoProperties);
            c.runId = runId;
            c.runNumber = runNumber;
            c.runAttempt = runAttempt;
            c.checkRunId = checkRunId;
            c.immutableSubject = immutableSubject;
            c.subjectCustomization = subjectCustomization;
            return c;
        }

        /** {@code OWNER/REPO}. Default {@code octo-org/octo-repo}. IDs and SHAs not set explicitly derive from it. */
        public Builder repository(String repository) { this.repository = repository; return this; }
        /** Default: a stable number derived from the repository name. */
        public Builder repositoryId(long id) { this.repositoryId = id; return this; }
        /** Default: a stable number derived from the owner name. */
        public Builder ownerId(long id) { this.ownerId = id; return this; }
        /** The triggering event, e.g. {@code push}, {@code pull_request}, {@code deployment}. Default {@code push}. */
        public Builder eventName(String eventName) { this.eventName = eventName; return this; }
        /** The full ref. Default {@code refs/heads/main} ({@code refs/pull/1/merge} for pull requests). */
        public Builder ref(String ref) { this.ref = ref; return this; }
        /** Shorthand for {@code ref("refs/heads/" + branch)}. */
        public Builder branch(String branch) { this.ref = "refs/heads/" + branch; return this; }
        /** The commit SHA (40 hex digits). Default: derived from repository and ref. */
        public Builder sha(String sha) { this.sha = sha; return this; }
        /** Whether branch protection applies to the ref. Default {@code false}. */
        public Builder refProtected(boolean refProtected) { this.refProtected = refProtected; return this; }
        /** Head branch of a pull request. Default {@code feature} for pull requests, else {@code ""}. */
        public Builder headRef(String headRef) { this.headRef = headRef; return this; }
        /** Base branch of a pull request. Default {@code main} for pull requests, else {@code ""}. */
        public Builder baseRef(String baseRef) { this.baseRef = baseRef; return this; }
        /** Deployment environment the job references. Default none ({@code null}). */
        public Builder environment(String environment) { this.environment = environment; return this; }
        /** Default {@code octocat}. */
        public Builder actor(String actor) { this.actor = actor; return this; }
        /** Default: derived from the actor name. */
        public Builder actorId(long actorId) { this.actorId = actorId; return this; }
        /** The workflow's {@code name:}. Default {@code CI}; {@code ""} means "no name": the file path is used. */
        public Builder workflow(String workflow) { this.workflow = workflow; return this; }
        /** The caller workflow's file path. Default {@code .github/workflows/ci.yml}. */
        public Builder workflowPath(String workflowPath) { this.workflowPath = workflowPath; return this; }
        /**
         * The reusable workflow the job calls, {@code OWNER/REPO/PATH@REF}. Default none: the job runs the
         * caller's own workflow, and {@code job_workflow_ref} equals {@code workflow_ref}.
         */
        public Builder jobWorkflowRef(String jobWorkflowRef) { this.jobWorkflowRef = jobWorkflowRef; return this; }
        /** SHA of the reusable workflow's commit. Default: derived from {@code jobWorkflowRef}, or {@code sha}. */
        public Builder jobWorkflowSha(String jobWorkflowSha) { this.jobWorkflowSha = jobWorkflowSha; return this; }
        /** {@code public}, {@code private} or {@code internal}. Default {@code private}. */
        public Builder visibility(String visibility) { this.visibility = visibility; return this; }
        /** {@code github-hosted} or {@code self-hosted}. Default {@code github-hosted}. */
        public Builder runnerEnvironment(String runnerEnvironment) { this.runnerEnvironment = runnerEnvironment; return this; }
        /** Enterprise slug owning the repository. Default none. */
        public Builder enterprise(String enterprise) { this.enterprise = enterprise; return this; }
        /** Enterprise id. Default: derived from the slug when an enterprise is set. */
        public Builder enterpriseId(long enterpriseId) { this.enterpriseId = enterpriseId; return this; }
        /** Adds an opted-in custom repository property, emitted as {@code repo_property_<name>}. */
        public Builder repoProperty(String name, String value) {
            repoProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }
        /** Replaces all custom repository properties. Default none. */
        public Builder repoProperties(Map<String, String> properties) {
            repoProperties = new TreeMap<>();
            properties.forEach(this::repoProperty);
            return this;
        }
        /** Default: derived from repository and ref. */
        public Builder runId(long runId) { this.runId = runId; return this; }
        /** Default {@code 1}. */
        public Builder runNumber(long runNumber) { this.runNumber = runNumber; return this; }
        /** Default {@code 1}. */
        public Builder runAttempt(long runAttempt) { this.runAttempt = runAttempt; return this; }
        /** Default: derived from the run id. */
        public Builder checkRunId(long checkRunId) { this.checkRunId = checkRunId; return this; }
        /** Emit the immutable {@code repo:OWNER@OWNER_ID/REPO@REPO_ID:…} subject. Default {@code false}. */
        public Builder immutableSubject(boolean immutableSubject) { this.immutableSubject = immutableSubject; return this; }
        /** How {@code sub} is built. Default {@link SubjectCustomization#useDefault()}. */
        public Builder subjectCustomization(SubjectCustomization customization) {
            this.subjectCustomization = Objects.requireNonNull(customization, "subjectCustomization");
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the field when a value is malformed
         */
        public WorkflowContext build() {
            return new WorkflowContext(this);
        }
    }
}
