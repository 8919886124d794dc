package io.github.ghaoidc.core.trust;

import io.github.ghaoidc.core.trust.internal.IamValidation;
import java.util.List;

/** IAM's save-time checks on a role trust policy (CreateRole, UpdateAssumeRolePolicy). Stateless, thread-safe. */
public final class PolicyValidator {
    private PolicyValidator() {
    }

    /** Every violation, IAM-rejected ones and advisories, in document order. Never throws. */
    public static List<PolicyViolation> validate(TrustPolicy policy) {
        return IamValidation.validate(policy);
    }

    /**
     * Throws for the first violation IAM rejects; returns normally otherwise.
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
}
