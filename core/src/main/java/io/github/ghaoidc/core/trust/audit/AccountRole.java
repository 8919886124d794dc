package io.github.ghaoidc.core.trust.audit;

import java.util.Objects;

/**
 * A role as IAM lists it: its name, ARN and trust policy ({@code AssumeRolePolicyDocument}, already URL-decoded;
 * the AWS SDK for Java returns it URL-encoded). Immutable and thread-safe.
 *
 * @param name the role name
 * @param arn the role ARN, {@code arn:aws:iam::123456789012:role/deploy}
 * @param trustPolicy the trust policy JSON as IAM holds it
 */
public record AccountRole(String name, String arn, String trustPolicy) {
    public AccountRole {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(trustPolicy, "trustPolicy");
    }

    @Override
    public String toString() {
        return "AccountRole[" + arn + "]";
    }
}
