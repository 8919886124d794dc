package io.github.ghaoidc.core.claims;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the {@code sub} claim exactly as GitHub does: environment, then pull request, then ref
 * ({@code repo:OWNER/REPO:environment:NAME}, {@code repo:OWNER/REPO:pull_request},
 * {@code repo:OWNER/REPO:ref:refs/heads/main}); {@code :} inside a value written {@code %3A} ({@code %}
 * itself left alone); the immutable {@code repo:OWNER@OWNER_ID/REPO@REPO_ID} form; and
 * {@code include_claim_keys} templates. Stateless and thread-safe.
 */
public final class Subjects {

    /** Keys GitHub accepts in {@code include_claim_keys}, besides {@code repo_property_*}. */
    public static final Set<String> TEMPLATE_KEYS = Set.copyOf(new TreeSet<>(List.of(
            "repo", "context", ClaimNames.ACTOR, ClaimNames.ACTOR_ID, ClaimNames.BASE_REF, ClaimNames.CHECK_RUN_ID,
            ClaimNames.ENTERPRISE, ClaimNames.ENTERPRISE_ID, ClaimNames.ENVIRONMENT, ClaimNames.ENVIRONMENT_NODE_ID,
            ClaimNames.EVENT_NAME, ClaimNames.HEAD_REF, ClaimNames.JOB_WORKFLOW_REF, ClaimNames.JOB_WORKFLOW_SHA,
            ClaimNames.REF, ClaimNames.REF_PROTECTED, ClaimNames.REF_TYPE, ClaimNames.REPOSITORY,
            ClaimNames.REPOSITORY_ID, ClaimNames.REPOSITORY_OWNER, ClaimNames.REPOSITORY_OWNER_ID,
            ClaimNames.REPOSITORY_VISIBILITY, ClaimNames.RUN_ATTEMPT, ClaimNames.RUN_ID, ClaimNames.RUN_NUMBER,
            ClaimNames.RUNNER_ENVIRONMENT, ClaimNames.SHA, ClaimNames.WORKFLOW, ClaimNames.WORKFLOW_REF,
            ClaimNames.WORKFLOW_SHA)));

    private Subjects() {
    }

    /** The {@code sub} GitHub would emit for {@code context}, honouring its subject customisation. */
    public static String subject(WorkflowContext context) {
        return subject(context, GitHubClaims.claimsWithoutSubject(context));
    }

    static String subject(WorkflowContext context, Map<String, String> claims) {
        SubjectCustomization custom = context.subjectCustomization();
        if (custom.isDefault()) {
            return repoPart(context) + ":" + contextPart(context);
        }
        StringBuilder sub = new StringBuilder();
        for (String key : custom.claimKeys()) {
            if (sub.length() > 0) {
                sub.append(':');
            }
            if ("repo".equals(key)) {
                sub.append(repoPart(context));
            } else if ("context".equals(key)) {
                sub.append(contextPart(context));
            } else {
                // A claim the context does not emit (environment outside an environment job) renders empty.
                sub.append(key).append(':').append(escape(claims.getOrDefault(key, "")));
            }
        }
        return sub.toString();
    }

    /** {@code repo:OWNER/REPO}, or {@code repo:OWNER@OWNER_ID/REPO@REPO_ID} in the immutable form. */
    public static String repoPart(WorkflowContext c) {
        if (c.immutableSubject()) {
            return "repo:" + escape(c.repositoryOwner()) + "@" + c.ownerId() + "/" + escape(c.repositoryName())
                    + "@" + c.repositoryId();
        }
        return "repo:" + escape(c.repository());
    }

    /** The default context: {@code environment:NAME}, {@code pull_request} or {@code ref:REF}. */
    public static String contextPart(WorkflowContext c) {
        if (c.environment() != null) {
            return "environment:" + escape(c.environment());
        }
        if (ContextDefaults.PULL_REQUEST_EVENTS.contains(c.eventName())
                || "pull_request_target".equals(c.eventName())
                && c.subjectCustomization().pullRequestTarget() == SubjectCustomization.PullRequestTargetSubject.PULL_REQUEST) {
            return "pull_request";
        }
        return "ref:" + escape(c.ref());
    }

    /** Writes {@code :} as {@code %3A}; {@code %} itself is not escaped (as GitHub does). */
    public static String escape(String value) {
        return value.replace(":", "%3A");
    }

    static void validateClaimKeys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("include_claim_keys must name at least one key; allowed: "
                    + new TreeSet<>(TEMPLATE_KEYS) + " and repo_property_<name>");
        }
        for (String key : keys) {
            if (key == null || !TEMPLATE_KEYS.contains(key) && !key.startsWith(ClaimNames.REPO_PROPERTY_PREFIX)) {
                throw new IllegalArgumentException("include_claim_keys has unknown key '" + key + "'; allowed: "
                        + new TreeSet<>(TEMPLATE_KEYS) + " and repo_property_<name>");
            }
        }
    }
}
