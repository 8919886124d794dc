package io.github.ghaoidc.emulator.aws.internal.sts;

/** The trust engine as STS and IAM use it: save-time validation and assume-time evaluation. */
public interface TrustGate {

    /** Throws AWS's {@code MalformedPolicyDocument} error when IAM would refuse to save this trust policy. */
    void validateForIam(String policyJson);

    /** Evaluates the role's trust policy for one assume request. */
    TrustVerdict evaluate(TrustQuestion question);
}
