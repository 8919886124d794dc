package io.github.ghaoidc.testkit;

import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.testkit.internal.RoleArns;

/**
 * Entry point of the trust assertions: {@code import static io.github.ghaoidc.testkit.TrustAssertions.*;} and
 * {@code import static io.github.ghaoidc.testkit.Workflows.*;}.
 *
 * <pre>{@code
 * assertThatRole(PolicySource.classpath("deploy-role.json"))
 *         .allows(push("octo-org/app").toBranch("main"))
 *         .denies(pullRequest("octo-org/app"));
 * }</pre>
 *
 * Two modes: {@link AssertionMode#IN_PROCESS} (default; the trust engine, no server) and
 * {@link AssertionMode#END_TO_END} ({@link RoleAssert#endToEnd()}; a sandbox's STS over HTTP).
 */
public final class TrustAssertions {

    /** The role name used when a policy is asserted on without a role. */
    public static final String DEFAULT_ROLE_NAME = "GitHubActionsRole";

    private TrustAssertions() {
    }

    /** Assertions on a role: created in a sandbox (both modes) or by {@link TestRole#of} (in process). */
    public static RoleAssert assertThatRole(TestRole role) {
        return new RoleAssert(role);
    }

    /**
     * Assertions on the policy of {@code source}, in process, as role {@value #DEFAULT_ROLE_NAME} in the account
     * of the first OIDC provider the policy names (123456789012 when it names none).
     */
    public static RoleAssert assertThatRole(PolicySource source) {
        String document = source.document();
        String arn = RoleArns.forPolicy(TrustPolicy.parse(document), DEFAULT_ROLE_NAME);
        return new RoleAssert(new TestRole(arn, document, source.name(), null));
    }

    /** {@link #assertThatRole(PolicySource)} for a policy given as JSON text. */
    public static RoleAssert assertThatRole(String policyJson) {
        return assertThatRole(PolicySource.json(policyJson));
    }
}
