package io.github.ghaoidc.emulator.aws.internal.sts;

/** PLACEHOLDER until the trust branch is merged. */
public final class TrustEngineGate implements TrustGate {

    @Override
    public void validateForIam(String policyJson) {
        throw new UnsupportedOperationException("trust engine not merged yet");
    }

    @Override
    public TrustVerdict evaluate(TrustQuestion question) {
        throw new UnsupportedOperationException("trust engine not merged yet");
    }
}
