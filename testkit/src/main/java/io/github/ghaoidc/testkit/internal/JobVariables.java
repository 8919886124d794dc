package io.github.ghaoidc.testkit.internal;

import io.github.ghaoidc.core.claims.WorkflowContext;
import java.util.Map;
import java.util.TreeMap;

/** The default environment variables GitHub Actions sets in a job, derived from its workflow context. */
public final class JobVariables {

    private JobVariables() {
    }

    /**
     * The {@code GITHUB_*} variables, {@code CI}, {@code RUNNER_ENVIRONMENT} and the ID-token request pair of a
     * job with {@code jobId} running {@code context}.
     */
    public static Map<String, String> of(WorkflowContext c, String jobId, String requestUrl, String requestToken) {
        Map<String, String> env = new TreeMap<>();
        env.put("CI", "true");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_API_URL", "https://api.github.com");
        env.put("GITHUB_REPOSITORY", c.repository());
        env.put("GITHUB_REPOSITORY_OWNER", c.repositoryOwner());
        env.put("GITHUB_REPOSITORY_ID", Long.toString(c.repositoryId()));
        env.put("GITHUB_REPOSITORY_OWNER_ID", Long.toString(c.ownerId()));
        env.put("GITHUB_EVENT_NAME", c.eventName());
        env.put("GITHUB_REF", c.ref());
        env.put("GITHUB_REF_NAME", refName(c.ref()));
        env.put("GITHUB_REF_TYPE", c.ref().startsWith("refs/tags/") ? "tag" : "branch");
        env.put("GITHUB_REF_PROTECTED", Boolean.toString(c.refProtected()));
        env.put("GITHUB_HEAD_REF", c.headRef());
        env.put("GITHUB_BASE_REF", c.baseRef());
        env.put("GITHUB_SHA", c.sha());
        env.put("GITHUB_WORKFLOW", c.workflow());
        env.put("GITHUB_WORKFLOW_REF", c.workflowRef());
        env.put("GITHUB_WORKFLOW_SHA", c.sha());
        env.put("GITHUB_RUN_ID", Long.toString(c.runId()));
        env.put("GITHUB_RUN_NUMBER", Long.toString(c.runNumber()));
        env.put("GITHUB_RUN_ATTEMPT", Long.toString(c.runAttempt()));
        env.put("GITHUB_ACTOR", c.actor());
        env.put("GITHUB_ACTOR_ID", Long.toString(c.actorId()));
        env.put("GITHUB_TRIGGERING_ACTOR", c.actor());
        env.put("GITHUB_JOB", jobId);
        env.put("RUNNER_ENVIRONMENT", c.runnerEnvironment());
        env.put("ACTIONS_ID_TOKEN_REQUEST_URL", requestUrl);
        env.put("ACTIONS_ID_TOKEN_REQUEST_TOKEN", requestToken);
        return env;
    }

    private static String refName(String ref) {
        for (String prefix : new String[] {"refs/heads/", "refs/tags/", "refs/pull/"}) {
            if (ref.startsWith(prefix)) {
                return ref.substring(prefix.length());
            }
        }
        return ref;
    }
}
