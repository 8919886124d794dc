package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.PolicyViolation;
import io.github.ghaoidc.core.trust.TrustPolicy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * IAM's save-time verdict on a policy before {@code eval} or {@code explore} answer for it. A policy that no role
 * can hold (IAM always refused it) is an input error. A policy IAM refuses only since its 2025-06-06
 * identity-provider controls is answered, because roles created before then keep it and STS evaluates it; the
 * answer carries the legacy note. {@code --require-saveable} turns that into an input error too, for a policy about
 * to be deployed. Advisories are shown, not enforced.
 */
final class IamVerdict {

    private final List<PolicyViolation> shown;
    private final boolean legacy;

    private IamVerdict(List<PolicyViolation> shown, boolean legacy) {
        this.shown = List.copyOf(shown);
        this.legacy = legacy;
    }

    /**
     * The verdict on {@code policy}.
     *
     * @throws CliException with AWS's MalformedPolicyDocument message and path when no role can hold it, or when
     *     {@code requireSaveable} and IAM would refuse to save it today
     */
    static IamVerdict of(TrustPolicy policy, String origin, boolean requireSaveable) {
        return of(policy, path -> origin == null ? "" : origin + ": ", requireSaveable);
    }

    /** As {@link #of(TrustPolicy, String, boolean)}, a refusal starting with the file and line of the refused element. */
    static IamVerdict of(TrustPolicy policy, io.github.ghaoidc.core.trust.source.SourcedPolicy sourced,
            boolean requireSaveable) {
        return of(policy, path -> PolicyOptions.where(sourced, path), requireSaveable);
    }

    private static IamVerdict of(TrustPolicy policy, java.util.function.UnaryOperator<String> where,
            boolean requireSaveable) {
        List<PolicyViolation> violations = policy.validate();
        PolicyViolation refusal = null;
        for (PolicyViolation v : violations) {
            if (v.rejectedForEveryRole() || requireSaveable && v.legacy()) {
                refusal = v;
                break;
            }
        }
        if (refusal != null) {
            throw new CliException(where.apply(refusal.path())
                    + "IAM refuses this policy (MalformedPolicyDocument at " + refusal.path() + "): " + refusal.message()
                    + (refusal.legacy() ? " (refused with --require-saveable; " + PolicyViolation.LEGACY_NOTE + ")" : ""));
        }
        List<PolicyViolation> shown = new ArrayList<>();
        boolean legacy = false;
        for (PolicyViolation v : violations) {
            if (v.legacy() && !legacy) {
                legacy = true;
                shown.add(v);
            } else if (!v.rejectedByIam()) {
                shown.add(v);
            }
        }
        return new IamVerdict(shown, legacy);
    }

    /** Whether IAM would refuse to save the policy today while existing roles keep it. */
    boolean legacy() {
        return legacy;
    }

    /** One {@code warning: PATH: MESSAGE} line per advisory, the legacy note first. */
    void print(PrintWriter out) {
        for (PolicyViolation v : shown) {
            out.println("warning: " + v.path() + ": " + text(v));
        }
    }

    /** The violations as a JSON array of {@code {"path", "message"}}, with {@code "legacy": true} on the legacy one. */
    ArrayNode json() {
        ArrayNode array = TokenClaims.JSON.createArrayNode();
        for (PolicyViolation v : shown) {
            ObjectNode o = array.addObject().put("path", v.path()).put("message", text(v));
            if (v.legacy()) {
                o.put("legacy", true);
            }
        }
        return array;
    }

    /** Adds {@code "legacy"} and {@code "violations"} to a JSON answer. */
    void addTo(ObjectNode answer) {
        answer.put("legacy", legacy);
        answer.set("violations", json());
    }

    boolean isEmpty() {
        return shown.isEmpty();
    }

    private static String text(PolicyViolation v) {
        return v.legacy() ? PolicyViolation.LEGACY_NOTE + " (IAM today: MalformedPolicyDocument: " + v.message() + ")"
                : v.message();
    }
}
