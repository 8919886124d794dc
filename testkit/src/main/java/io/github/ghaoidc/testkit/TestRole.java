package io.github.ghaoidc.testkit;

import io.github.ghaoidc.core.trust.TrustPolicy;
import java.util.Objects;

/**
 * A role under test: its ARN and trust policy document, and the sandbox it was created in (if any), which
 * end-to-end assertions call. Obtain one from {@link GitHubOidcSandbox#createRole} or, for purely
 * in-process assertions, {@link #of(String, PolicySource)}. Immutable and thread-safe.
 */
public final class TestRole {

    private final String arn;
    private final String policyDocument;
    private final String origin;
    private final TrustPolicy policy;
    private final GitHubOidcSandbox sandbox;

    TestRole(String arn, String policyDocument, String origin, GitHubOidcSandbox sandbox) {
        this.arn = Objects.requireNonNull(arn, "arn");
        this.policyDocument = Objects.requireNonNull(policyDocument, "policyDocument");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.policy = TrustPolicy.parse(policyDocument);
        this.sandbox = sandbox;
    }

    /**
     * A role that exists only for in-process assertions.
     *
     * @param roleArn e.g. {@code arn:aws:iam::123456789012:role/GitHubActionsRole}; its account is the one the
     *     policy's {@code Federated} provider ARN must name
     */
    public static TestRole of(String roleArn, PolicySource source) {
        if (roleArn == null || !roleArn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
            throw new IllegalArgumentException("roleArn must be an IAM role ARN like "
                    + "arn:aws:iam::123456789012:role/GitHubActionsRole, got: " + roleArn);
        }
        return new TestRole(roleArn, source.document(), source.name(), null);
    }

    /** The role ARN. */
    public String arn() {
        return arn;
    }

    /** The role name (the part after the last {@code /}). */
    public String name() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** The account ID in the ARN. */
    public String accountId() {
        return arn.split(":")[4];
    }

    /** The trust policy as JSON text. */
    public String policyDocument() {
        return policyDocument;
    }

    /** The trust policy, parsed. */
    public TrustPolicy policy() {
        return policy;
    }

    /** Where the policy came from (resource, file or "inline policy"). */
    public String origin() {
        return origin;
    }

    /** The sandbox the role lives in, or {@code null} for an in-process-only role. */
    GitHubOidcSandbox sandbox() {
        return sandbox;
    }

    @Override
    public String toString() {
        return "TestRole[" + arn + ", from " + origin + "]";
    }
}
