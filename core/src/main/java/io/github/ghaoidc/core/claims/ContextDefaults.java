package io.github.ghaoidc.core.claims;

import io.github.ghaoidc.core.claims.internal.Deterministic;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates a {@link WorkflowContext.Builder} and fills in the defaults, once. */
final class ContextDefaults {

    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern EVENT = Pattern.compile("[a-z_]+");
    private static final Pattern PULL_REF = Pattern.compile("refs/pull/(\\d+)/(merge|head)");
    private static final Pattern JOB_WORKFLOW_REF =
            Pattern.compile("[A-Za-z0-9-]+/[A-Za-z0-9._-]+/[^@\\s]+\\.ya?ml@\\S+");
    private static final List<String> VISIBILITIES = List.of("public", "private", "internal");
    private static final List<String> RUNNERS = List.of("github-hosted", "self-hosted");
    static final Set<String> PULL_REQUEST_EVENTS =
            Set.of("pull_request", "pull_request_review", "pull_request_review_comment");

    String repository;
    long repositoryId;
    long ownerId;
    String eventName;
    String ref;
    String sha;
    String headRef;
    String baseRef;
    String environment;
    String environmentNodeId;
    String actor;
    long actorId;
    String workflow;
    String workflowPath;
    String jobWorkflowRef;
    String jobWorkflowSha;
    String visibility;
    String runnerEnvironment;
    String enterprise;
    Long enterpriseId;
    long runId;
    long runNumber;
    long runAttempt;
    long checkRunId;

    private ContextDefaults() {
    }

    static ContextDefaults resolve(WorkflowContext.Builder b) {
        ContextDefaults d = new ContextDefaults();
        d.repository = or(b.repository, WorkflowContext.DEFAULT_REPOSITORY);
        require(REPOSITORY.matcher(d.repository).matches(), "repository", d.repository, "OWNER/REPO like octo-org/app");
        String owner = d.repository.substring(0, d.repository.indexOf('/'));
        d.eventName = or(b.eventName, "push");
        require(EVENT.matcher(d.eventName).matches(), "eventName", d.eventName,
                "a GitHub event name such as push, pull_request, pull_request_target, workflow_dispatch, schedule");
        boolean pullRequest = PULL_REQUEST_EVENTS.contains(d.eventName);
        d.ref = or(b.ref, pullRequest ? "refs/pull/1/merge" : "deployment".equals(d.eventName) ? "" : "refs/heads/main");
        require(d.ref.isEmpty() || d.ref.startsWith("refs/heads/") && d.ref.length() > 11
                || d.ref.startsWith("refs/tags/") && d.ref.length() > 10 || PULL_REF.matcher(d.ref).matches(),
                "ref", d.ref, "refs/heads/BRANCH, refs/tags/TAG, refs/pull/N/merge, or \"\" for deployment events");
        d.sha = or(b.sha, Deterministic.sha(d.repository + "@" + d.ref));
        require(SHA.matcher(d.sha).matches(), "sha", d.sha, "40 lower-case hex digits");
        d.ownerId = positive(b.ownerId, "ownerId", Deterministic.number("owner:" + owner, 10_000_000, 90_000_000));
        d.repositoryId = positive(b.repositoryId, "repositoryId",
                Deterministic.number("repo:" + d.repository, 100_000_000, 900_000_000));
        boolean pullLike = pullRequest || "pull_request_target".equals(d.eventName);
        d.headRef = or(b.headRef, pullLike ? "feature" : "");
        d.baseRef = or(b.baseRef, pullLike ? baseBranch(d) : "");
        d.environment = b.environment;
        if (d.environment != null) {
            require(!d.environment.isBlank(), "environment", d.environment, "a non-blank environment name, or none");
            d.environmentNodeId = Deterministic.nodeId("EN", d.repository + "/" + d.environment);
        }
        d.actor = or(b.actor, "octocat");
        require(!d.actor.isBlank(), "actor", d.actor, "a GitHub login");
        d.actorId = positive(b.actorId, "actorId", Deterministic.number("actor:" + d.actor, 1_000_000, 90_000_000));
        d.workflowPath = or(b.workflowPath, ".github/workflows/ci.yml");
        require(!d.workflowPath.isBlank() && !d.workflowPath.contains("@"), "workflowPath", d.workflowPath,
                "a workflow file path like .github/workflows/ci.yml");
        d.workflow = b.workflow == null ? "CI" : b.workflow.isEmpty() ? d.workflowPath : b.workflow;
        d.jobWorkflowRef = b.jobWorkflowRef;
        if (d.jobWorkflowRef != null) {
            require(JOB_WORKFLOW_REF.matcher(d.jobWorkflowRef).matches(), "jobWorkflowRef", d.jobWorkflowRef,
                    "OWNER/REPO/PATH.yml@REF like octo-org/shared/.github/workflows/deploy.yml@refs/heads/main");
        }
        d.jobWorkflowSha = or(b.jobWorkflowSha, d.jobWorkflowRef == null ? d.sha : Deterministic.sha(d.jobWorkflowRef));
        require(SHA.matcher(d.jobWorkflowSha).matches(), "jobWorkflowSha", d.jobWorkflowSha, "40 lower-case hex digits");
        d.visibility = or(b.visibility, "private");
        require(VISIBILITIES.contains(d.visibility), "visibility", d.visibility, String.join(", ", VISIBILITIES));
        d.runnerEnvironment = or(b.runnerEnvironment, "github-hosted");
        require(RUNNERS.contains(d.runnerEnvironment), "runnerEnvironment", d.runnerEnvironment, String.join(", ", RUNNERS));
        d.enterprise = b.enterprise;
        if (d.enterprise != null) {
            require(!d.enterprise.isBlank(), "enterprise", d.enterprise, "an enterprise slug, or none");
            d.enterpriseId = positive(b.enterpriseId, "enterpriseId", Deterministic.number("ent:" + d.enterprise, 1_000, 90_000));
        } else if (b.enterpriseId != null) {
            throw new IllegalArgumentException("enterpriseId is set but enterprise is not: set both or neither");
        }
        d.runId = positive(b.runId, "runId", Deterministic.number("run:" + d.repository + d.ref, 10_000_000_000L, 9_000_000_000L));
        d.runNumber = positive(b.runNumber, "runNumber", 1L);
        d.runAttempt = positive(b.runAttempt, "runAttempt", 1L);
        d.checkRunId = positive(b.checkRunId, "checkRunId", Deterministic.number("check:" + d.runId, 50_000_000_000L, 9_000_000_000L));
        b.repoProperties.keySet().forEach(name -> require(name.matches("[A-Za-z0-9_-]+"), "repoProperties",
                name, "property names of letters, digits, '_' and '-'"));
        return d;
    }

    private static String baseBranch(ContextDefaults d) {
        return d.ref.startsWith("refs/heads/") ? d.ref.substring("refs/heads/".length()) : "main";
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static long positive(Long value, String field, long fallback) {
        if (value == null) {
            return fallback;
        }
        require(value > 0, field, String.valueOf(value), "a positive number");
        return value;
    }

    private static void require(boolean ok, String field, String value, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException(field + " must be " + allowed + ", got: '" + value + "'");
        }
    }
}
