package io.github.ghaoidc.core.trust;

import java.util.Objects;

/**
 * A save-time problem with a trust policy.
 *
 * @param kind whether IAM refuses the policy for it
 * @param message for {@link ViolationKind#REJECTED_BY_IAM}, exactly AWS's MalformedPolicyDocument message
 * @param path JSON path of the offending element
 */
public record PolicyViolation(ViolationKind kind, String message, String path) {
    public PolicyViolation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
    }

    /** Whether IAM refuses the policy for this violation. */
    public boolean rejectedByIam() {
        return kind == ViolationKind.REJECTED_BY_IAM;
    }

    @Override
    public String toString() {
        return kind + " at " + path + ": " + message;
    }
}
