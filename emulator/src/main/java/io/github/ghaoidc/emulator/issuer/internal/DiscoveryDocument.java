package io.github.ghaoidc.emulator.issuer.internal;

import io.github.ghaoidc.core.claims.ClaimNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenID discovery document exactly as GitHub serves it: fields, order, compact JSON. Not API. */
public final class DiscoveryDocument {

    private DiscoveryDocument() {
    }

    public static byte[] bytes(String issuer, String jwksUri) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", issuer);
        m.put("jwks_uri", jwksUri);
        m.put("subject_types_supported", List.of("public", "pairwise"));
        m.put("response_types_supported", List.of("id_token"));
        m.put("claims_supported", ClaimNames.DISCOVERY_CLAIMS_SUPPORTED);
        m.put("id_token_signing_alg_values_supported", List.of("RS256"));
        m.put("scopes_supported", List.of("openid"));
        return Json.bytes(m);
    }
}
