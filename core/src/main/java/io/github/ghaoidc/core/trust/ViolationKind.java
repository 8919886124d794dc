package io.github.ghaoidc.core.trust;

/** Whether IAM itself refuses a policy for a violation, for which roles, or whether the engine only advises. */
public enum ViolationKind {
    /**
     * IAM's CreateRole / UpdateAssumeRolePolicy fail with {@code MalformedPolicyDocument} and this message, and
     * always have: no role can hold such a policy (invalid grammar, {@code Resource}, unknown operators, …).
     */
    REJECTED_BY_IAM,
    /**
     * IAM refuses to save the policy since its identity-provider controls for shared OIDC providers came into
     * force on 2025-06-06 (the GitHub guardrail). The controls are not retroactive: a role created before then
     * keeps the policy and STS evaluates it at every assume; any update must satisfy them.
     */
    REJECTED_FOR_NEW_POLICIES,
    /** IAM accepts the policy (or whether it does is unverified); the problem is reported, not enforced. */
    ADVISORY
}
