package io.github.ghaoidc.emulator.aws.internal.sts;

/** The trust engine as STS and IAM use it: save-time validation and assume-time evaluation. */
public interface TrustGate {

    /** Throws AWS's {@code MalformedPolicyDocument} error when IAM would refuse to save this trust policy. */
    void validateForIam(String policyJson);

    /**
     * Throws AWS's {@code MalformedPolicyDocument} error when no role could hold this trust policy, not even one
     * created before IAM's 2025-06-06 identity-provider controls (which this check leaves out).
     */
    void validateForExistingRole(String policyJson);

    /** Evaluates the role's trust policy for one assume request. */
    TrustVerdict evaluate(TrustQuestion question);
}
