package io.github.ghaoidc.testkit;

import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A GitHub Actions job that asks for an ID token: a {@link WorkflowContext} (from which GitHub derives every
 * claim) plus the audience it requests. Start from {@link Workflows}; each method returns a new run.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * WorkflowRun deploy = Workflows.push("octo-org/app").toBranch("main").inEnvironment("prod");
 * }</pre>
 */
public final class WorkflowRun {

    /** The audience {@code aws-actions/configure-aws-credentials} requests. */
    public static final String AWS_AUDIENCE = "sts.amazonaws.com";

    private final WorkflowContext context;
    private final String audience;
    private final String description;

    WorkflowRun(WorkflowContext context, String audience, String description) {
        this.context = Objects.requireNonNull(context, "context");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.description = Objects.requireNonNull(description, "description");
    }

    /** A run of {@code context} asking for audience {@value #AWS_AUDIENCE}. */
    public static WorkflowRun of(WorkflowContext context) {
        return new WorkflowRun(context, AWS_AUDIENCE, describe(context));
    }

    /** The same event, on branch {@code branch} (a short name like {@code main}). */
    public WorkflowRun toBranch(String branch) {
        return with(b -> b.branch(requireText(branch, "branch")));
    }

    /** The same event, on tag {@code tag} (a short name like {@code v1.2.0}). */
    public WorkflowRun toTag(String tag) {
        return with(b -> b.ref("refs/tags/" + requireText(tag, "tag")));
    }

    /** The job references deployment environment {@code environment} (its {@code sub} names it). */
    public WorkflowRun inEnvironment(String environment) {
        return with(b -> b.environment(requireText(environment, "environment")));
    }

    /** The job runs the reusable workflow {@code jobWorkflowRef} ({@code owner/repo/.github/workflows/f.yml@ref}). */
    public WorkflowRun callingReusableWorkflow(String jobWorkflowRef) {
        return with(b -> b.jobWorkflowRef(requireText(jobWorkflowRef, "jobWorkflowRef")));
    }

    /** The job asks for audience {@code audience} instead of {@value #AWS_AUDIENCE}. */
    public WorkflowRun withAudience(String audience) {
        return new WorkflowRun(context, requireText(audience, "audience"), description);
    }

    /** The repository uses GitHub's immutable subject form {@code repo:OWNER@ID/REPO@ID:…}. */
    public WorkflowRun withImmutableSubject() {
        return with(b -> b.immutableSubject(true));
    }

    /** Any other change to the context (actor, visibility, subject customisation, …). */
    public WorkflowRun with(UnaryOperator<WorkflowContext.Builder> change) {
        WorkflowContext changed = change.apply(context.toBuilder()).build();
        return new WorkflowRun(changed, audience, describe(changed));
    }

    public WorkflowContext context() {
        return context;
    }

    public String audience() {
        return audience;
    }

    /** The claims GitHub would put in this job's token, issued at {@code issuedAt} by github.com's issuer. */
    public Map<String, Object> claims(Instant issuedAt) {
        return GitHubClaims.builder().context(context).audience(audience).issuedAt(issuedAt).build().asMap();
    }

    /** The {@code sub} GitHub would send. */
    public String subject() {
        return GitHubClaims.contextClaims(context).get("sub");
    }

    @Override
    public String toString() {
        return description + (AWS_AUDIENCE.equals(audience) ? "" : " asking for audience " + audience);
    }

    private static String describe(WorkflowContext c) {
        StringBuilder text = new StringBuilder(c.eventName()).append(" of ").append(c.repository());
        if (!c.ref().isEmpty()) {
            text.append(" at ").append(c.ref());
        }
        if (c.environment() != null) {
            text.append(" in environment ").append(c.environment());
        }
        if (c.isReusableWorkflow()) {
            text.append(" calling ").append(c.jobWorkflowRef());
        }
        return text.toString();
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
