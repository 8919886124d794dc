package io.github.ghaoidc.emulator.aws.internal.sts;

import io.github.ghaoidc.core.trust.Decision;
import io.github.ghaoidc.core.trust.MalformedPolicyException;
import io.github.ghaoidc.core.trust.TrustEvaluator;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import io.github.ghaoidc.core.trust.TrustRequest;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The project's trust engine behind the {@link TrustGate} port: IAM's save-time validation with AWS's messages,
 * and evaluation with an explanation. Parsed policies are cached by text. Thread-safe.
 */
public final class TrustEngineGate implements TrustGate {

    private static final int MAX_CACHED_POLICIES = 1024;

    private final TrustEvaluator evaluator = TrustEvaluator.create();
    private final Map<String, TrustPolicy> parsed = new ConcurrentHashMap<>();

    @Override
    public void validateForIam(String policyJson) {
        validate(policyJson, TrustPolicy::parseForIam);
    }

    @Override
    public void validateForExistingRole(String policyJson) {
        validate(policyJson, TrustPolicy::parseForExistingRole);
    }

    private static void validate(String policyJson, Consumer<String> check) {
        try {
            check.accept(policyJson);
        } catch (MalformedPolicyException e) {
            throw new AwsServiceException(e.errorCode(), 400, e.getMessage(), true, e);
        } catch (TrustPolicyException e) {
            throw new AwsServiceException("MalformedPolicyDocument", 400, e.getMessage(), true, e);
        }
    }

    @Override
    public TrustVerdict evaluate(TrustQuestion question) {
        TrustPolicy policy;
        try {
            policy = policy(question.policyJson());
        } catch (TrustPolicyException e) {
            // only reachable for a policy read from an upstream IAM that accepted what IAM would not
            return TrustVerdict.implicitDeny("The role's trust policy cannot be parsed: " + e.getMessage());
        }
        TrustRequest.Builder request = TrustRequest.builder()
                .action(question.action())
                .roleArn(question.roleArn())
                .sessionName(question.sessionName())
                .currentTime(question.now())
                .sourceIp(question.sourceIp())
                .secureTransport(false);
        if (question.claims() != null) {
            // the key prefix is the provider URL without its scheme, whichever scheme a local issuer uses
            request.claims(question.claims()).issuer("https://" + question.providerPrefix());
        }
        if (question.principalArn() != null) {
            request.principalArn(question.principalArn());
        }
        TrustRequest built;
        try {
            built = request.build();
        } catch (TrustPolicyException e) {
            throw AwsServiceException.invalidIdentityToken("The token cannot be evaluated: " + e.getMessage());
        }
        Decision decision = evaluator.evaluate(policy, built);
        return new TrustVerdict(decision.isAllowed(), decision.name(),
                TrustVerdict.memoize(() -> evaluator.explain(policy, built).toText()));
    }

    private TrustPolicy policy(String json) {
        TrustPolicy policy = parsed.get(json);
        if (policy == null) {
            if (parsed.size() >= MAX_CACHED_POLICIES) {
                parsed.clear();
            }
            policy = TrustPolicy.parse(json);
            parsed.put(json, policy);
        }
        return policy;
    }
}
