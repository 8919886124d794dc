package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.ghaoidc.core.trust.PolicyViolation;
import io.github.ghaoidc.core.trust.TrustPolicy;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * IAM's save-time verdict on a policy before {@code eval} or {@code explore} answer for it: a policy IAM
 * refuses cannot be any role's trust policy, so it is an input error; advisories are shown, not enforced.
 */
final class IamVerdict {

    private IamVerdict() {
    }

    /**
     * The advisory violations of {@code policy}.
     *
     * @throws CliException with AWS's MalformedPolicyDocument message and path when IAM refuses it
     */
    static List<PolicyViolation> advisories(TrustPolicy policy, String origin) {
        List<PolicyViolation> violations = policy.validate();
        for (PolicyViolation v : violations) {
            if (v.rejectedByIam()) {
                throw new CliException((origin == null ? "" : origin + ": ")
                        + "IAM refuses this policy (MalformedPolicyDocument at " + v.path() + "): " + v.message());
            }
        }
        return violations.stream().filter(v -> !v.rejectedByIam()).collect(Collectors.toList());
    }

    /** One {@code warning: PATH: MESSAGE} line per advisory. */
    static void print(List<PolicyViolation> advisories, PrintWriter out) {
        for (PolicyViolation v : advisories) {
            out.println("warning: " + v.path() + ": " + v.message());
        }
    }

    /** The advisories as a JSON array of {@code {"path", "message"}}. */
    static ArrayNode json(List<PolicyViolation> advisories) {
        ArrayNode array = TokenClaims.JSON.createArrayNode();
        for (PolicyViolation v : advisories) {
            array.addObject().put("path", v.path()).put("message", v.message());
        }
        return array;
    }
}
