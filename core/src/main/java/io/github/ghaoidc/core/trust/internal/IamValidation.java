package io.github.ghaoidc.core.trust.internal;

import io.github.ghaoidc.core.trust.DuplicateKey;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyPrincipal;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.PolicyViolation;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.ViolationKind;
import java.util.ArrayList;
import java.util.List;

/**
 * IAM's save-time checks for role trust policies, with AWS's MalformedPolicyDocument messages, plus
 * advisories for what Access Analyzer reports but IAM is not known to refuse.
 */
public final class IamValidation {
    static final String LEGACY_PARSING = "The policy failed legacy parsing";

    private IamValidation() {
    }

    public static List<PolicyViolation> validate(TrustPolicy policy) {
        List<PolicyViolation> out = new ArrayList<>();
        String version = policy.version();
        if (version != null && !version.equals(TrustPolicy.VERSION_2012_10_17)
                && !version.equals(TrustPolicy.VERSION_2008_10_17)) {
            out.add(reject(LEGACY_PARSING, "$.Version"));
        }
        for (PolicyStatement s : policy.statements()) {
            statement(s, out);
        }
        for (DuplicateKey d : policy.duplicateKeys()) {
            out.add(new PolicyViolation(ViolationKind.ADVISORY, "Duplicate JSON key \"" + d.name() + "\" ("
                    + d.occurrences() + " occurrences): only the last one is used, the others are silently ignored",
                    d.path()));
        }
        return List.copyOf(out);
    }

    private static void statement(PolicyStatement s, List<PolicyViolation> out) {
        if (s.hasResource()) {
            out.add(reject("Has prohibited field Resource", s.path() + ".Resource"));
        }
        if (s.hasNotResource()) {
            out.add(reject("Has prohibited field NotResource", s.path() + ".NotResource"));
        }
        if (s.action() == null && s.notAction() == null) {
            out.add(reject("Missing required field Action", s.path()));
        }
        if (s.principal() == null && s.notPrincipal() == null) {
            out.add(reject("Missing required field Principal", s.path()));
        }
        if (s.principal() != null) {
            principal(s.principal(), out);
            if (s.principal().isWildcard()) {
                out.add(advise("\"Principal\": \"*\" is not supported in a role trust policy (IAM Access Analyzer); "
                        + "name the OIDC provider under \"Federated\"", s.principal().path()));
            }
        }
        if (s.notPrincipal() != null) {
            principal(s.notPrincipal(), out);
            out.add(advise("NotPrincipal is not supported in a role trust policy (IAM Access Analyzer); "
                    + "use Principal with the OIDC provider under \"Federated\"", s.notPrincipal().path()));
        }
        for (PolicyCondition c : s.conditions()) {
            if (!c.operator().isRecognised()) {
                out.add(reject("Invalid Condition type : " + c.rawOperator(), c.path()));
            }
            if (c.key().indexOf(':') != c.key().lastIndexOf(':')) {
                out.add(reject("Condition can contain only one colon.", c.path()));
            }
        }
        GitHubGuardrail.check(s).ifPresent(out::add);
    }

    private static void principal(PolicyPrincipal p, List<PolicyViolation> out) {
        if (p.isWildcard()) {
            return;
        }
        if (p.values().isEmpty()) {
            out.add(reject(PrincipalSyntax.INVALID_PRINCIPAL, p.path()));
        }
        p.values().forEach((type, values) -> {
            String path = JsonPaths.member(p.path(), type);
            String problem = PrincipalSyntax.check(type, values);
            if (problem != null) {
                out.add(reject(problem, path));
            }
        });
    }

    static PolicyViolation reject(String message, String path) {
        return new PolicyViolation(ViolationKind.REJECTED_BY_IAM, message, path);
    }

    private static PolicyViolation advise(String message, String path) {
        return new PolicyViolation(ViolationKind.ADVISORY, message, path);
    }
}
