package io.github.ghaoidc.emulator.aws.internal.iam;

import java.time.Instant;
import java.util.List;

/**
 * An IAM OIDC identity provider.
 *
 * @param arn         {@code arn:<partition>:iam::<acct>:oidc-provider/<url without https://>}
 * @param url         full URL including {@code https://}, exactly as created
 * @param clientIds   audiences accepted
 * @param thumbprints certificate thumbprints (kept, not used: like AWS for trusted CAs)
 * @param createDate  creation time
 */
public record OidcProvider(String arn, String url, List<String> clientIds, List<String> thumbprints,
        Instant createDate) {

    public OidcProvider {
        clientIds = List.copyOf(clientIds);
        thumbprints = List.copyOf(thumbprints);
    }

    /** The URL without its scheme, as IAM reports it and as condition keys are prefixed. */
    public String hostAndPath() {
        return url.substring(url.indexOf("://") + 3);
    }

    OidcProvider withClientIds(List<String> newClientIds) {
        return new OidcProvider(arn, url, newClientIds, thumbprints, createDate);
    }
}
