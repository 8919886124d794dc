package io.github.ghaoidc.core.trust;

/** Whether IAM itself refuses a policy for a violation, or the engine only advises about it. */
public enum ViolationKind {
    /** IAM's CreateRole / UpdateAssumeRolePolicy fail with {@code MalformedPolicyDocument} and this message. */
    REJECTED_BY_IAM,
    /** IAM accepts the policy (or whether it does is unverified); the problem is reported, not enforced. */
    ADVISORY
}
