package io.github.ghaoidc.core.trust;

import java.util.Objects;

/**
 * A save-time problem with a trust policy.
 *
 * @param kind whether IAM refuses the policy for it, and for which roles
 * @param message for a refusal, exactly AWS's MalformedPolicyDocument message
 * @param path JSON path of the offending element
 */
public record PolicyViolation(ViolationKind kind, String message, String path) {

    /** What a {@link #legacy() legacy} violation means for the role that holds the policy. */
    public static final String LEGACY_NOTE = "IAM refuses to save this policy since 2025-06-06; a role created before "
            + "then keeps it and STS evaluates it as shown";

    public PolicyViolation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    /** Whether IAM refuses to save the policy for this violation today (CreateRole, UpdateAssumeRolePolicy). */
    public boolean rejectedByIam() {
        return kind != ViolationKind.ADVISORY;
    }

    /**
     * Whether only IAM's non-retroactive identity-provider controls refuse it: roles created before 2025-06-06 can
     * still hold the policy, and STS evaluates it ({@link ViolationKind#REJECTED_FOR_NEW_POLICIES}).
     */
    public boolean legacy() {
        return kind == ViolationKind.REJECTED_FOR_NEW_POLICIES;
    }

    /** Whether no role can hold the policy at all ({@link ViolationKind#REJECTED_BY_IAM}). */
    public boolean rejectedForEveryRole() {
        return kind == ViolationKind.REJECTED_BY_IAM;
    }

    @Override
    public String toString() {
        return kind + " at " + path + ": " + message;
    }
}
