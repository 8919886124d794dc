package io.github.ghaoidc.emulator.config;

import io.github.ghaoidc.core.claims.WorkflowContext;
import java.util.Map;

/**
 * A workflow context as JSON (config file {@code jobs[].context}, {@code defaultJob}, admin API bodies).
 * Every field is optional; names follow the CLI flags. {@code branch} and {@code tag} are shorthands for
 * {@code ref}.
 */
public record WorkflowContextJson(
        String repository, Long repositoryId, Long ownerId, String event, String ref, String branch, String tag,
        String sha, Boolean refProtected, String headRef, String baseRef, String environment, String actor,
        Long actorId, String workflow, String workflowPath, String jobWorkflowRef, String jobWorkflowSha,
        String visibility, String runnerEnvironment, String enterprise, Long enterpriseId,
        Map<String, String> repoProperties, Long runId, Long runNumber, Long runAttempt, Long checkRunId,
        Boolean immutableSubject, SubjectJson subject) {

    /**
     * @param where the JSON path for messages, e.g. {@code jobs[1].context}
     * @throws ConfigException naming the field when a value is not allowed
     */
    public WorkflowContext toContext(String where) {
        int refs = (ref != null ? 1 : 0) + (branch != null ? 1 : 0) + (tag != null ? 1 : 0);
        if (refs > 1) {
            throw new ConfigException(where + ": set only one of ref, branch, tag");
        }
        WorkflowContext.Builder b = WorkflowContext.builder();
        try {
            applyFields(b);
            if (subject != null) b.subjectCustomization(subject.toCustomization(where));
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException(where + "." + e.getMessage(), e);
        }
    }

    /**
     * Sets every field given here (all but {@code subject}) on {@code b}, leaving the others as they are; custom
     * repository properties are added to those {@code b} already has. Shared with the CLI's workflow flags.
     *
     * @throws IllegalArgumentException from the builder, naming the field, when a value is not allowed
     */
    public WorkflowContext.Builder applyFields(WorkflowContext.Builder b) {
        if (repository != null) b.repository(repository);
        if (repositoryId != null) b.repositoryId(repositoryId);
        if (ownerId != null) b.ownerId(ownerId);
        if (event != null) b.eventName(event);
        if (ref != null) b.ref(ref);
        if (branch != null) b.branch(branch);
        if (tag != null) b.ref("refs/tags/" + tag);
        if (sha != null) b.sha(sha);
        if (refProtected != null) b.refProtected(refProtected);
        if (headRef != null) b.headRef(headRef);
        if (baseRef != null) b.baseRef(baseRef);
        if (environment != null) b.environment(environment);
        if (actor != null) b.actor(actor);
        if (actorId != null) b.actorId(actorId);
        if (workflow != null) b.workflow(workflow);
        if (workflowPath != null) b.workflowPath(workflowPath);
        if (jobWorkflowRef != null) b.jobWorkflowRef(jobWorkflowRef);
        if (jobWorkflowSha != null) b.jobWorkflowSha(jobWorkflowSha);
        if (visibility != null) b.visibility(visibility);
        if (runnerEnvironment != null) b.runnerEnvironment(runnerEnvironment);
        if (enterprise != null) b.enterprise(enterprise);
        if (enterpriseId != null) b.enterpriseId(enterpriseId);
        if (repoProperties != null) repoProperties.forEach(b::repoProperty);
        if (runId != null) b.runId(runId);
        if (runNumber != null) b.runNumber(runNumber);
        if (runAttempt != null) b.runAttempt(runAttempt);
        if (checkRunId != null) b.checkRunId(checkRunId);
        if (immutableSubject != null) b.immutableSubject(immutableSubject);
        return b;
    }
}
