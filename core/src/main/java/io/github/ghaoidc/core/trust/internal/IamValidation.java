package io.github.ghaoidc.core.trust.internal;

import io.github.ghaoidc.core.trust.PolicyViolation;
import io.github.ghaoidc.core.trust.TrustPolicy;
import java.util.ArrayList;
import java.util.List;

/** IAM's save-time checks for role trust policies. */
public final class IamValidation {
    private IamValidation() {
    }

    public static List<PolicyViolation> validate(TrustPolicy policy) {
        List<PolicyViolation> out = new ArrayList<>();
        return out;
    }
}
