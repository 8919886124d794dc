package io.github.ghaoidc.core.trust.source.internal;

import io.github.ghaoidc.core.trust.source.PolicyFormat;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;

/**
 * A plain policy document: passed on as written, so the trust parser and the linter see its
 * duplicate keys and key case exactly as IAM would receive them.
 */
public final class JsonPolicyReader {

    private JsonPolicyReader() {
    }

    public static SourcedPolicy read(String text, String sourceName) {
        return SourcedPolicy.builder().document(text).format(PolicyFormat.JSON).origin(sourceName)
                .locations(JsonLocations.json(text, sourceName)).build();
    }
}
