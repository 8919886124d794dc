package io.github.ghaoidc.testkit;

import io.github.ghaoidc.core.trust.Explanation;
import io.github.ghaoidc.core.trust.TrustEvaluator;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustRequest;
import io.github.ghaoidc.testkit.internal.Verdict;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.StsException;

/** Decides whether a workflow run may assume a role, in each {@link AssertionMode}. */
final class Judges {

    static final String SESSION_NAME = "gha-oidc-testkit";
    private static final TrustEvaluator EVALUATOR = TrustEvaluator.create();

    private Judges() {
    }

    static Verdict judge(AssertionMode mode, TestRole role, WorkflowRun run) {
        return mode == AssertionMode.IN_PROCESS ? inProcess(role, run) : endToEnd(role, run);
    }

    /** The trust engine, on the claims GitHub would send now. */
    static Verdict inProcess(TestRole role, WorkflowRun run) {
        Map<String, Object> claims = run.claims(Instant.now());
        Explanation explanation = explain(role.policy(), role.arn(), claims);
        return new Verdict(explanation.decision().isAllowed(), explanation.decision().name(), claims, explanation, "");
    }

    /** A token minted on the role's sandbox, traded on its STS over HTTP. */
    static Verdict endToEnd(TestRole role, WorkflowRun run) {
        GitHubOidcSandbox sandbox = role.sandbox();
        Map<String, Object> claims = sandbox.emulator().claims(run.context(), run.audience()).asMap();
        String token = sandbox.mint(run);
        try {
            String arn = sandbox.stsClient().assumeRoleWithWebIdentity(r -> r.roleArn(role.arn())
                    .roleSessionName(SESSION_NAME).webIdentityToken(token)).assumedRoleUser().arn();
            return new Verdict(true, "credentials issued for " + arn, claims,
                    explain(role.policy(), role.arn(), claims), "");
        } catch (StsException e) {
            String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            // AccessDenied is the trust policy's answer; other errors come before trust is evaluated
            boolean trustEvaluated = "AccessDenied".equals(code);
            return new Verdict(false, code, claims, trustEvaluated ? explain(role.policy(), role.arn(), claims) : null,
                    code + ": " + message);
        }
    }

    private static Explanation explain(TrustPolicy policy, String roleArn, Map<String, Object> claims) {
        TrustRequest request = TrustRequest.builder().claims(claims).roleArn(roleArn).sessionName(SESSION_NAME).build();
        return EVALUATOR.explain(policy, request);
    }
}
