package io.github.ghaoidc.core.trust;

import io.github.ghaoidc.core.trust.internal.IamValidation;
import java.util.List;

/**
 * IAM's save-time checks on a role trust policy (CreateRole, UpdateAssumeRolePolicy), and which of them also bind
 * roles that already exist. Stateless, thread-safe.
 */
public final class PolicyValidator {
    private PolicyValidator() {
    }

    /** Every violation, IAM-rejected ones and advisories, in document order. Never throws. */
    public static List<PolicyViolation> validate(TrustPolicy policy) {
        return IamValidation.validate(policy);
    }

    /**
     * Throws for the first violation IAM rejects at save time today; returns normally otherwise.
     *
     * @throws MalformedPolicyException carrying AWS's exact message and the JSON path
     */
    public static void validateForIam(TrustPolicy policy) {
        for (PolicyViolation v : validate(policy)) {
            if (v.rejectedByIam()) {
                throw new MalformedPolicyException(v.message(), v.path());
            }
        }
    }

    /**
     * Throws for the first violation that no role can hold, not even one created before IAM's 2025-06-06
     * identity-provider controls; returns normally for a policy STS may evaluate (see {@link PolicyViolation#legacy()}).
     *
     * @throws MalformedPolicyException carrying AWS's exact message and the JSON path
     */
    public static void validateForExistingRole(TrustPolicy policy) {
        for (PolicyViolation v : validate(policy)) {
            if (v.rejectedForEveryRole()) {
                throw new MalformedPolicyException(v.message(), v.path());
            }
        }
    }

    /** Whether IAM refuses to save the policy only for its non-retroactive identity-provider controls. */
    public static boolean isLegacy(TrustPolicy policy) {
        boolean legacy = false;
        for (PolicyViolation v : validate(policy)) {
            if (v.rejectedForEveryRole()) {
                return false;
            }
            legacy |= v.legacy();
        }
        return legacy;
    }
}
