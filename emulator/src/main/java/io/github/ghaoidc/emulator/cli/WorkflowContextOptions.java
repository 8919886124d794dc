package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.claims.SubjectCustomization;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.config.WorkflowContextJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The workflow-context flags shared by {@code serve} (the default job) and {@code mint}. Only flags
 * given are applied; everything else keeps its realistic default.
 */
public final class WorkflowContextOptions {

    @Option(names = "--repository", paramLabel = "OWNER/REPO", description = "Repository. Default: octo-org/octo-repo.")
    String repository;
    @Option(names = "--repository-id", paramLabel = "ID", description = "Repository id. Default: derived from the name.")
    Long repositoryId;
    @Option(names = "--owner-id", paramLabel = "ID", description = "Owner id. Default: derived from the owner name.")
    Long ownerId;
    @Option(names = "--event", paramLabel = "NAME", description = "Triggering event (push, pull_request, pull_request_target, workflow_dispatch, schedule, …). Default: push.")
    String event;
    @Option(names = "--ref", paramLabel = "REF", description = "refs/heads/…, refs/tags/… or refs/pull/N/merge. Default: refs/heads/main (refs/pull/1/merge for pull_request).")
    String ref;
    @Option(names = "--sha", paramLabel = "SHA", description = "Commit SHA. Default: derived.")
    String sha;
    @Option(names = "--ref-protected", description = "Mark the ref as protected.")
    Boolean refProtected;
    @Option(names = "--head-ref", paramLabel = "BRANCH", description = "Pull request head branch. Default: feature.")
    String headRef;
    @Option(names = "--base-ref", paramLabel = "BRANCH", description = "Pull request base branch. Default: main.")
    String baseRef;
    @Option(names = "--environment", paramLabel = "NAME", description = "Deployment environment the job references. Default: none.")
    String environment;
    @Option(names = "--actor", paramLabel = "LOGIN", description = "Actor. Default: octocat.")
    String actor;
    @Option(names = "--actor-id", paramLabel = "ID", description = "Actor id. Default: derived.")
    Long actorId;
    @Option(names = "--workflow", paramLabel = "NAME", description = "Workflow name. Default: CI.")
    String workflow;
    @Option(names = "--workflow-ref", paramLabel = "REF", description = "Caller workflow: OWNER/REPO/PATH@REF (must match --repository/--ref) or just PATH. Default: OWNER/REPO/.github/workflows/ci.yml@REF.")
    String workflowRef;
    @Option(names = "--job-workflow-ref", paramLabel = "REF", description = "Reusable workflow the job calls: OWNER/REPO/PATH@REF. Default: the caller's workflow.")
    String jobWorkflowRef;
    @Option(names = "--visibility", paramLabel = "V", description = "public, private or internal. Default: private.")
    String visibility;
    @Option(names = "--runner-environment", paramLabel = "R", description = "github-hosted or self-hosted. Default: github-hosted.")
    String runnerEnvironment;
    @Option(names = "--enterprise", paramLabel = "SLUG", description = "Enterprise owning the repository. Default: none.")
    String enterprise;
    @Option(names = "--enterprise-id", paramLabel = "ID", description = "Enterprise id. Default: derived.")
    Long enterpriseId;
    @Option(names = "--repo-property", paramLabel = "NAME=VALUE", description = "Custom repository property (repeatable), emitted as repo_property_NAME.")
    Map<String, String> repoProperties;
    @Option(names = "--run-id", paramLabel = "N", description = "Workflow run id (claim run_id), a positive number. Default: derived from the repository and ref.")
    Long runId;
    @Option(names = "--run-number", paramLabel = "N", description = "Run number of the workflow (claim run_number), a positive number. Default: 1.")
    Long runNumber;
    @Option(names = "--run-attempt", paramLabel = "N", description = "Attempt of the run, 1 for the first (claim run_attempt). Default: 1.")
    Long runAttempt;
    @Option(names = "--immutable-sub", description = "Use the immutable repo:OWNER@ID/REPO@ID subject form.")
    Boolean immutableSubject;
    @Option(names = "--sub-claim-keys", paramLabel = "KEYS", split = ",", description = "Custom sub template (include_claim_keys), e.g. repo,context,job_workflow_ref.")
    List<String> subClaimKeys;
    @Option(names = "--pull-request-target-sub", paramLabel = "FORM", description = "sub for pull_request_target: pull_request (default) or ref.")
    String pullRequestTargetSub;

    /**
     * Applies the given flags on top of {@code base}.
     *
     * @throws IllegalArgumentException naming the flag and what it allows
     */
    public WorkflowContext apply(WorkflowContext base) {
        WorkflowContext.Builder b = base.toBuilder();
        String repo = repository;
        String effectiveRef = ref;
        String workflowPath = null;
        if (workflowRef != null) {
            int at = workflowRef.lastIndexOf('@');
            if (at < 0) {
                workflowPath = workflowRef;
            } else {
                String[] parts = workflowRef.substring(0, at).split("/", 3);
                if (parts.length < 3) {
                    throw new IllegalArgumentException("--workflow-ref must be OWNER/REPO/PATH@REF or PATH, got: '" + workflowRef + "'");
                }
                String refRepo = parts[0] + "/" + parts[1];
                String refRef = workflowRef.substring(at + 1);
                if (repository != null && !refRepo.equals(repository)) {
                    throw new IllegalArgumentException("--workflow-ref names repository " + refRepo + " but --repository is "
                            + repository + "; workflow_ref always names the caller's repository (use --job-workflow-ref for a reusable workflow)");
                }
                if (ref != null && !ref.equals(refRef)) {
                    throw new IllegalArgumentException("--workflow-ref names ref " + refRef + " but --ref is " + ref
                            + "; they must agree");
                }
                repo = refRepo;
                effectiveRef = refRef;
                workflowPath = parts[2];
            }
        }
        try {
            new WorkflowContextJson(repo, repositoryId, ownerId, event, effectiveRef, null, null, sha, refProtected,
                    headRef, baseRef, environment, actor, actorId, workflow, workflowPath, jobWorkflowRef, null,
                    visibility, runnerEnvironment, enterprise, enterpriseId, repoProperties, runId, runNumber,
                    runAttempt, null, immutableSubject, null).applyFields(b);
            SubjectCustomization custom = subClaimKeys != null ? SubjectCustomization.includeClaimKeys(subClaimKeys)
                    : base.subjectCustomization();
            if (pullRequestTargetSub != null) {
                custom = custom.withPullRequestTarget(switch (pullRequestTargetSub) {
                    case "pull_request" -> SubjectCustomization.PullRequestTargetSubject.PULL_REQUEST;
                    case "ref" -> SubjectCustomization.PullRequestTargetSubject.REF;
                    default -> throw new IllegalArgumentException("--pull-request-target-sub must be pull_request or ref, got: '"
                            + pullRequestTargetSub + "'");
                });
            }
            b.subjectCustomization(custom);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flagged(e.getMessage()), e);
        }
    }

    /** The flags given, as the admin API's JSON context ({@code null} when none was given). */
    public Map<String, Object> toJson() {
        WorkflowContext probe = apply(WorkflowContext.defaults()); // validates
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "repository", repository != null || workflowRef != null && workflowRef.contains("@") ? probe.repository() : null);
        put(m, "repositoryId", repositoryId);
        put(m, "ownerId", ownerId);
        put(m, "event", event);
        put(m, "ref", ref != null || workflowRef != null && workflowRef.contains("@") ? probe.ref() : null);
        put(m, "sha", sha);
        put(m, "refProtected", refProtected);
        put(m, "headRef", headRef);
        put(m, "baseRef", baseRef);
        put(m, "environment", environment);
        put(m, "actor", actor);
        put(m, "actorId", actorId);
        put(m, "workflow", workflow);
        put(m, "workflowPath", workflowRef != null ? probe.workflowPath() : null);
        put(m, "jobWorkflowRef", jobWorkflowRef);
        put(m, "visibility", visibility);
        put(m, "runnerEnvironment", runnerEnvironment);
        put(m, "enterprise", enterprise);
        put(m, "enterpriseId", enterpriseId);
        put(m, "repoProperties", repoProperties);
        put(m, "runId", runId);
        put(m, "runNumber", runNumber);
        put(m, "runAttempt", runAttempt);
        put(m, "immutableSubject", immutableSubject);
        if (subClaimKeys != null || pullRequestTargetSub != null) {
            Map<String, Object> sub = new LinkedHashMap<>();
            put(sub, "includeClaimKeys", subClaimKeys != null ? new ArrayList<>(subClaimKeys) : null);
            put(sub, "pullRequestTarget", pullRequestTargetSub);
            m.put("subject", sub);
        }
        return m.isEmpty() ? null : m;
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("repository ", "--repository "), Map.entry("repositoryId ", "--repository-id "),
            Map.entry("ownerId ", "--owner-id "), Map.entry("eventName ", "--event "), Map.entry("ref ", "--ref "),
            Map.entry("sha ", "--sha "), Map.entry("environment ", "--environment "), Map.entry("actor ", "--actor "),
            Map.entry("actorId ", "--actor-id "), Map.entry("workflowPath ", "--workflow-ref "),
            Map.entry("jobWorkflowRef ", "--job-workflow-ref "), Map.entry("jobWorkflowSha ", "--job-workflow-ref "),
            Map.entry("visibility ", "--visibility "), Map.entry("runnerEnvironment ", "--runner-environment "),
            Map.entry("enterprise ", "--enterprise "), Map.entry("enterpriseId ", "--enterprise-id "),
            Map.entry("runId ", "--run-id "), Map.entry("runNumber ", "--run-number "),
            Map.entry("runAttempt ", "--run-attempt "), Map.entry("repoProperties ", "--repo-property "),
            Map.entry("include_claim_keys ", "--sub-claim-keys: include_claim_keys "));

    /** Rewrites a model message ("repository must be …") to name the CLI flag ("--repository must be …"). */
    static String flagged(String message) {
        for (Map.Entry<String, String> e : FLAGS.entrySet()) {
            if (message.startsWith(e.getKey())) {
                return e.getValue() + message.substring(e.getKey().length());
            }
        }
        return message;
    }
}
