package io.github.ghaoidc.core.trust.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.Effect;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.PolicyViolation;
import io.github.ghaoidc.core.trust.ViolationKind;
import java.util.Optional;

/**
 * IAM's GitHub guardrail (observed 2026-08-31/09-01): an Allow statement trusting the
 * {@code token.actions.githubusercontent.com} provider must test {@code <provider>:sub} or
 * {@code <provider>:job_workflow_ref} with StringEquals, StringLike or StringEqualsIgnoreCase against a
 * value not scoped to all. Like AWS, only the FIRST value of the list is judged: {@code ["*","repo:a/b"]}
 * is refused, {@code ["repo:a/b","*"]} accepted. Not retroactive (IAM's identity-provider controls, in force since
 * 2025-06-06): roles created before then keep such policies, so the violation is
 * {@link ViolationKind#REJECTED_FOR_NEW_POLICIES}.
 */
final class GitHubGuardrail {
    private static final String GITHUB_HOST = "token.actions.githubusercontent.com";
    private static final String WEB_IDENTITY = "sts:assumerolewithwebidentity";

    private GitHubGuardrail() {
    }

    static Optional<PolicyViolation> check(PolicyStatement s) {
        if (s.effect() != Effect.ALLOW || s.principal() == null || s.principal().isWildcard()) {
            return Optional.empty();
        }
        if (!ActionMatcher.compile(s.action(), s.notAction()).matches(WEB_IDENTITY)) {
            return Optional.empty();
        }
        for (String federated : s.principal().valuesOf("Federated")) {
            int at = federated.indexOf(":oidc-provider/");
            if (at < 0) {
                continue;
            }
            String provider = federated.substring(at + ":oidc-provider/".length());
            if (!provider.equals(GITHUB_HOST) && !provider.startsWith(GITHUB_HOST + "/")) {
                continue;
            }
            if (!constrained(s, provider)) {
                return Optional.of(new PolicyViolation(ViolationKind.REJECTED_FOR_NEW_POLICIES, message(federated, provider),
                        s.path()));
            }
        }
        return Optional.empty();
    }

    static String message(String principal, String provider) {
        return "Trust policy with trusted principal " + principal + " must evaluate, using StringEquals, StringLike or "
                + "StringEqualsIgnoreCase, " + provider + ":sub or " + provider + ":job_workflow_ref which is not "
                + "scoped to all.";
    }

    private static boolean constrained(PolicyStatement s, String provider) {
        for (PolicyCondition c : s.conditions()) {
            BaseOperator base = c.operator().base();
            if (base != BaseOperator.STRING_EQUALS && base != BaseOperator.STRING_LIKE
                    && base != BaseOperator.STRING_EQUALS_IGNORE_CASE || c.operator().ifExists()) {
                continue;
            }
            if (!c.key().equalsIgnoreCase(provider + ":sub") && !c.key().equalsIgnoreCase(provider + ":job_workflow_ref")) {
                continue;
            }
            if (!c.values().isEmpty() && !scopedToAll(c.values().get(0))) {
                return true;
            }
        }
        return false;
    }

    /** A value that admits every subject: empty, blank or only {@code *} (observed: "*" refused, "repo:*" accepted). */
    static boolean scopedToAll(String value) {
        String v = value.trim();
        return v.isEmpty() || v.chars().allMatch(c -> c == '*');
    }
}
