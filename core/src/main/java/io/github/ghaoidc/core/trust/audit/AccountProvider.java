package io.github.ghaoidc.core.trust.audit;

import java.util.List;
import java.util.Objects;

/**
 * An IAM OIDC identity provider of the audited account, as ListOpenIDConnectProviders and
 * GetOpenIDConnectProvider give it. Immutable and thread-safe.
 *
 * @param arn the provider ARN, {@code arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com}
 * @param clientIds the provider's client IDs (the audiences STS accepts); empty when not known, which the audit
 *     reads as {@code sts.amazonaws.com}
 */
public record AccountProvider(String arn, List<String> clientIds) {
    public AccountProvider {
        Objects.requireNonNull(arn, "arn");
        clientIds = List.copyOf(clientIds);
    }

    /** A provider whose client IDs are not known. */
    public static AccountProvider of(String arn) {
        return new AccountProvider(arn, List.of());
    }
}
