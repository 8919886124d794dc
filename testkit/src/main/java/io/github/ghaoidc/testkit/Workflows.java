package io.github.ghaoidc.testkit;

import io.github.ghaoidc.core.claims.WorkflowContext;

/**
 * The workflow runs that trust assertions are written with; each asks for audience {@code sts.amazonaws.com}
 * unless changed with {@link WorkflowRun#withAudience(String)}. Built on {@link WorkflowContext}, so the
 * claims and {@code sub} are exactly what GitHub sends.
 *
 * <pre>{@code
 * assertThatRole(role)
 *         .allows(push("octo-org/app").toBranch("main"))
 *         .denies(pullRequest("octo-org/app"))
 *         .denies(environment("octo-org/app", "staging"));
 * }</pre>
 */
public final class Workflows {

    private Workflows() {
    }

    /** A {@code push} to {@code main} of {@code repository} ({@code OWNER/REPO}); change it with {@code toBranch}. */
    public static WorkflowRun push(String repository) {
        return WorkflowRun.of(WorkflowContext.push(repository, "main"));
    }

    /** A {@code pull_request} event, pull request #1: its {@code sub} is {@code repo:OWNER/REPO:pull_request}. */
    public static WorkflowRun pullRequest(String repository) {
        return pullRequest(repository, 1);
    }

    /** A {@code pull_request} event for pull request {@code number}. */
    public static WorkflowRun pullRequest(String repository, int number) {
        return WorkflowRun.of(WorkflowContext.pullRequest(repository, number));
    }

    /** A {@code pull_request_target} event against {@code main} (it runs with the base branch's workflow). */
    public static WorkflowRun pullRequestTarget(String repository) {
        return WorkflowRun.of(WorkflowContext.pullRequestTarget(repository, "main"));
    }

    /** A {@code push} of tag {@code tag} (short name like {@code v1.2.0}). */
    public static WorkflowRun tag(String repository, String tag) {
        return WorkflowRun.of(WorkflowContext.tag(repository, tag));
    }

    /** A {@code push} to {@code main} whose job uses deployment environment {@code environment}. */
    public static WorkflowRun environment(String repository, String environment) {
        return WorkflowRun.of(WorkflowContext.inEnvironment(repository, "main", environment));
    }

    /** A manual {@code workflow_dispatch} run on {@code main}. */
    public static WorkflowRun workflowDispatch(String repository) {
        return WorkflowRun.of(WorkflowContext.workflowDispatch(repository, "main"));
    }

    /** A {@code schedule} run (on the default branch, {@code main}). */
    public static WorkflowRun schedule(String repository) {
        return WorkflowRun.of(WorkflowContext.schedule(repository));
    }

    /**
     * A {@code push} to {@code main} of {@code repository} whose job calls reusable workflow {@code jobWorkflowRef}
     * ({@code owner/repo/.github/workflows/deploy.yml@refs/heads/main}).
     */
    public static WorkflowRun reusableWorkflow(String repository, String jobWorkflowRef) {
        return WorkflowRun.of(WorkflowContext.reusableWorkflow(repository, "main", jobWorkflowRef));
    }

    /** Any context built with {@link WorkflowContext#builder()}. */
    public static WorkflowRun workflow(WorkflowContext context) {
        return WorkflowRun.of(context);
    }
}
