package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyViolation;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.List;

/**
 * GHA028: IAM refuses the policy at save time (CreateRole, UpdateAssumeRolePolicy fail with
 * MalformedPolicyDocument). Like IAM, it reports the first problem only; other rules explain causes. For the
 * GitHub guardrail, which is not retroactive, it says that existing roles keep the policy.
 */
final class IamRefusalRule extends Rule {

    IamRefusalRule() {
        super("GHA028", "IAM refuses the policy at save time (MalformedPolicyDocument)");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        PolicyViolation first = null;
        boolean everyRole = false;
        for (PolicyViolation v : context.policy().validate()) {
            if (v.rejectedByIam()) {
                first = first == null ? v : first;
                everyRole |= v.rejectedForEveryRole();
            }
        }
        if (first == null) {
            return List.of();
        }
        if (everyRole) {
            return List.of(finding(Severity.ERROR, first.path(),
                    "IAM refuses this policy with MalformedPolicyDocument: \"" + first.message() + "\" (CreateRole and "
                            + "UpdateAssumeRolePolicy fail, so no role can trust it; IAM names the first problem only)",
                    fix(first.message())));
        }
        return List.of(finding(Severity.ERROR, first.path(),
                "IAM refuses this policy with MalformedPolicyDocument: \"" + first.message() + "\" since its "
                        + "identity-provider controls of 2025-06-06: creating a role with it, or any update of a "
                        + "role's trust policy, is refused; a role created before then keeps it and STS still "
                        + "lets in every workflow it allows",
                fix(first.message())));
    }

    private static String fix(String message) {
        if (message.startsWith("Has prohibited field")) {
            return "remove " + message.substring("Has prohibited field ".length()) + ": the role itself is the resource";
        }
        if (message.startsWith("Invalid Condition type")) {
            return "use an IAM condition operator spelt exactly, such as StringEquals, StringLike or Null";
        }
        if (message.startsWith("Condition can contain only one colon")) {
            return "write the key as PROVIDER:claim, e.g. token.actions.githubusercontent.com:sub (no https://)";
        }
        if (message.startsWith("Trust policy with trusted principal")) {
            return "add \"StringEquals\": {\"token.actions.githubusercontent.com:sub\": "
                    + "\"repo:OWNER/REPO:ref:refs/heads/main\"} with a first value that names a repository";
        }
        if (message.startsWith("Missing required field")) {
            return "add " + message.substring("Missing required field ".length()) + " to the statement";
        }
        if (message.startsWith("The policy failed legacy parsing")) {
            return "set \"Version\": \"2012-10-17\"";
        }
        return "name the OIDC provider as \"Principal\": {\"Federated\": "
                + "\"arn:aws:iam::ACCOUNT:oidc-provider/token.actions.githubusercontent.com\"}";
    }
}
