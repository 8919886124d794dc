package io.github.ghaoidc.core.claims;

import java.util.List;

/** Names of the claims GitHub Actions puts in its OIDC tokens, and which of them are always present. */
public final class ClaimNames {

    public static final String ACTOR = "actor";
    public static final String ACTOR_ID = "actor_id";
    public static final String AUD = "aud";
    public static final String BASE_REF = "base_ref";
    public static final String CHECK_RUN_ID = "check_run_id";
    public static final String ENTERPRISE = "enterprise";
    public static final String ENTERPRISE_ID = "enterprise_id";
    public static final String ENVIRONMENT = "environment";
    public static final String ENVIRONMENT_NODE_ID = "environment_node_id";
    public static final String EVENT_NAME = "event_name";
    public static final String EXP = "exp";
    public static final String HEAD_REF = "head_ref";
    public static final String IAT = "iat";
    public static final String ISS = "iss";
    public static final String JOB_WORKFLOW_REF = "job_workflow_ref";
    public static final String JOB_WORKFLOW_SHA = "job_workflow_sha";
    public static final String JTI = "jti";
    public static final String NBF = "nbf";
    public static final String REF = "ref";
    public static final String REF_PROTECTED = "ref_protected";
    public static final String REF_TYPE = "ref_type";
    public static final String REPOSITORY = "repository";
    public static final String REPOSITORY_ID = "repository_id";
    public static final String REPOSITORY_OWNER = "repository_owner";
    public static final String REPOSITORY_OWNER_ID = "repository_owner_id";
    public static final String REPOSITORY_VISIBILITY = "repository_visibility";
    public static final String RUN_ATTEMPT = "run_attempt";
    public static final String RUN_ID = "run_id";
    public static final String RUN_NUMBER = "run_number";
    public static final String RUNNER_ENVIRONMENT = "runner_environment";
    public static final String SHA = "sha";
    public static final String SUB = "sub";
    public static final String WORKFLOW = "workflow";
    public static final String WORKFLOW_REF = "workflow_ref";
    public static final String WORKFLOW_SHA = "workflow_sha";

    /** Prefix of the claims carrying opted-in custom repository properties. */
    public static final String REPO_PROPERTY_PREFIX = "repo_property_";

    /** Claims present in every GitHub Actions token, in alphabetical order. */
    public static final List<String> ALWAYS_PRESENT = List.of(
            ACTOR, ACTOR_ID, AUD, BASE_REF, CHECK_RUN_ID, EVENT_NAME, EXP, HEAD_REF, IAT, ISS,
            JOB_WORKFLOW_REF, JOB_WORKFLOW_SHA, JTI, NBF, REF, REF_PROTECTED, REF_TYPE, REPOSITORY,
            REPOSITORY_ID, REPOSITORY_OWNER, REPOSITORY_OWNER_ID, REPOSITORY_VISIBILITY, RUN_ATTEMPT,
            RUN_ID, RUN_NUMBER, RUNNER_ENVIRONMENT, SHA, SUB, WORKFLOW, WORKFLOW_REF, WORKFLOW_SHA);

    /** Claims present only when the context calls for them (environment, enterprise). */
    public static final List<String> OPTIONAL = List.of(
            ENTERPRISE, ENTERPRISE_ID, ENVIRONMENT, ENVIRONMENT_NODE_ID);

    /** The numeric claims; every other claim is a JSON string. */
    public static final List<String> NUMERIC = List.of(EXP, IAT, NBF);

    /**
     * {@code claims_supported} as GitHub's discovery document lists it (its order, plus
     * {@code check_run_id} and {@code issuer_scope}).
     */
    public static final List<String> DISCOVERY_CLAIMS_SUPPORTED = List.of(
            SUB, AUD, EXP, IAT, ISS, JTI, NBF, REF, SHA, REPOSITORY, REPOSITORY_ID, REPOSITORY_OWNER,
            REPOSITORY_OWNER_ID, ENTERPRISE, ENTERPRISE_ID, RUN_ID, RUN_NUMBER, RUN_ATTEMPT, ACTOR,
            ACTOR_ID, WORKFLOW, WORKFLOW_REF, WORKFLOW_SHA, HEAD_REF, BASE_REF, EVENT_NAME, REF_TYPE,
            REF_PROTECTED, ENVIRONMENT, ENVIRONMENT_NODE_ID, JOB_WORKFLOW_REF, JOB_WORKFLOW_SHA,
            REPOSITORY_VISIBILITY, RUNNER_ENVIRONMENT, CHECK_RUN_ID, "issuer_scope");

    private ClaimNames() {
    }
}
