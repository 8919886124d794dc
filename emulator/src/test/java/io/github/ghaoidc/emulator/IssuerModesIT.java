package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.IssuerMode;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.github.ghaoidc.emulator.support.DiscoveryVerifier;
import io.github.ghaoidc.emulator.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IssuerModesIT {

    private static SigningKeys keys;

    @BeforeAll
    static void keys() {
        keys = SigningKeys.generate(2);
    }

    private static GitHubOidcEmulator start(IssuerMode mode) {
        return GitHubOidcEmulator.builder().signingKeys(keys).issuerMode(mode)
                .defaultContext(WorkflowContext.push("octo-org/app", "main")).build().start();
    }

    private static String runtimeToken(GitHubOidcEmulator e, String audience) {
        return Http.json(Http.toolkitGet(e.tokenRequestUrl(), e.tokenRequestToken(), audience).body()).get("value").asText();
    }

    @Test
    void discoveryDocumentHasExactlyGitHubsFieldsCompact() {
        try (GitHubOidcEmulator e = start(IssuerMode.github())) {
            String body = Http.get(e.discoveryUrl()).body();
            JsonNode doc = Http.json(body);
            List<String> fields = new ArrayList<>();
            doc.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("issuer", "jwks_uri", "subject_types_supported", "response_types_supported",
                    "claims_supported", "id_token_signing_alg_values_supported", "scopes_supported");
            assertThat(body).doesNotContain(" ", "\n").doesNotContain("authorization_endpoint", "token_endpoint", "userinfo");
            assertThat(doc.get("issuer").asText()).isEqualTo("https://token.actions.githubusercontent.com");
            assertThat(doc.get("jwks_uri").asText()).isEqualTo(e.jwksUrl()).isEqualTo(e.baseUrl() + "/.well-known/jwks");
            assertThat(body).contains("\"subject_types_supported\":[\"public\",\"pairwise\"]",
                    "\"response_types_supported\":[\"id_token\"]", "\"id_token_signing_alg_values_supported\":[\"RS256\"]",
                    "\"scopes_supported\":[\"openid\"]", "\"issuer_scope\"");
            assertThat(Http.json(Http.get(e.jwksUrl()).body()).get("keys")).hasSize(2);
        }
    }

    @Test
    void selfModeLetsStrictClientsRunDiscoveryFromIss() throws Exception {
        try (GitHubOidcEmulator e = start(IssuerMode.self())) {
            String jwt = runtimeToken(e, "sts.amazonaws.com");
            String iss = RuntimeEndpointIT.payload(jwt).get("iss").asText();
            assertThat(iss).isEqualTo(e.baseUrl()).isEqualTo(e.issuerUrl());
            assertThat(new DiscoveryVerifier(iss + "/.well-known/openid-configuration", "sts.amazonaws.com").verify(jwt))
                    .isNotNull();
        }
    }

    @Test
    void enterpriseRootLayoutPointsJwksAtTheRootAndThePerSlugJwksIs404() throws Exception {
        try (GitHubOidcEmulator e = start(IssuerMode.enterprise("octo-ent", IssuerMode.JwksLayout.ROOT))) {
            assertThat(e.discoveryUrl()).isEqualTo(e.baseUrl() + "/octo-ent/.well-known/openid-configuration");
            JsonNode doc = Http.json(Http.get(e.discoveryUrl()).body());
            assertThat(doc.get("issuer").asText()).isEqualTo("https://token.actions.githubusercontent.com/octo-ent");
            assertThat(doc.get("jwks_uri").asText()).isEqualTo(e.baseUrl() + "/.well-known/jwks");
            assertThat(Http.get(e.baseUrl() + "/octo-ent/.well-known/jwks").statusCode()).isEqualTo(404);
            assertThat(new DiscoveryVerifier(e.discoveryUrl(), "sts.amazonaws.com").verify(runtimeToken(e, "sts.amazonaws.com"))
                    .getIssuer()).isEqualTo("https://token.actions.githubusercontent.com/octo-ent");
        }
    }

    @Test
    void enterprisePerSlugLayoutServesJwksUnderTheSlug() throws Exception {
        try (GitHubOidcEmulator e = start(IssuerMode.enterprise("octo-ent", IssuerMode.JwksLayout.PER_SLUG))) {
            JsonNode doc = Http.json(Http.get(e.discoveryUrl()).body());
            assertThat(doc.get("jwks_uri").asText()).isEqualTo(e.baseUrl() + "/octo-ent/.well-known/jwks");
            assertThat(Http.get(e.baseUrl() + "/octo-ent/.well-known/jwks").statusCode()).isEqualTo(200);
            assertThat(new DiscoveryVerifier(e.discoveryUrl(), "sts.amazonaws.com").verify(runtimeToken(e, "sts.amazonaws.com")))
                    .isNotNull();
        }
    }

    @Test
    void ghesServesUnderServicesTokenWithHostAudience() throws Exception {
        try (GitHubOidcEmulator e = start(IssuerMode.ghes("ghes.example.com"))) {
            assertThat(e.discoveryUrl()).isEqualTo(e.baseUrl() + "/_services/token/.well-known/openid-configuration");
            String jwt = runtimeToken(e, null);
            assertThat(RuntimeEndpointIT.payload(jwt).get("aud").asText()).isEqualTo("https://ghes.example.com/octo-org");
            assertThat(new DiscoveryVerifier(e.discoveryUrl(), "https://ghes.example.com/octo-org").verify(jwt).getIssuer())
                    .isEqualTo("https://ghes.example.com/_services/token");
        }
    }

    @Test
    void customIssuerKeepsItsPath() throws Exception {
        try (GitHubOidcEmulator e = start(IssuerMode.custom("https://idp.example/gh"))) {
            assertThat(e.discoveryUrl()).isEqualTo(e.baseUrl() + "/gh/.well-known/openid-configuration");
            assertThat(new DiscoveryVerifier(e.discoveryUrl(), "a").verify(runtimeToken(e, "a")).getIssuer())
                    .isEqualTo("https://idp.example/gh");
        }
    }
}
