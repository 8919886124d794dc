package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedRequestTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm8vciJ9.c2lnbmF0dXJl";

    private static RecordedRequest request(String query, Map<String, List<String>> headers, String body) {
        return RecordedRequest.of(7, Instant.parse("2026-11-25T10:00:00Z"), "POST", "/", query, headers, body, false);
    }

    @Test
    void accessorsReturnWhatTheClientSentSecretsIncluded() {
        RecordedRequest r = request("api-version=2.0&audience=sts.amazonaws.com",
                Map.of("Authorization", List.of("Bearer " + JWT)), "Action=AssumeRoleWithWebIdentity&WebIdentityToken=" + JWT);
        assertThat(r.header("authorization")).isEqualTo("Bearer " + JWT);
        assertThat(r.body()).endsWith("WebIdentityToken=" + JWT);
        assertThat(r.queryParameter("audience")).isEqualTo("sts.amazonaws.com");
        assertThat(r.sequenceNumber()).isEqualTo(7);
        assertThat(r.method()).isEqualTo("POST");
    }

    @Test
    void toStringRedactsTheAuthorizationHeaderJwtsAndWebIdentityTokens() {
        RecordedRequest r = request("WebIdentityToken=opaque-secret&Action=AssumeRoleWithWebIdentity",
                Map.of("Authorization", List.of("Bearer opaque-request-token"), "User-Agent", List.of("curl")),
                "{\"token\":\"" + JWT + "\"}");
        assertThat(r.toString())
                .doesNotContain("opaque-request-token").doesNotContain("opaque-secret").doesNotContain(JWT)
                .doesNotContain("c2lnbmF0dXJl")
                .contains("Authorization=<redacted>", "User-Agent=curl", "WebIdentityToken=<redacted>", "<jwt>",
                        "#7 POST /");
    }

    @Test
    void queryParametersAcceptAWronglyAppendedSecondQuestionMark() {
        RecordedRequest r = request("api-version=2.0?audience=https%3A%2F%2Fgithub.com%2Focto-org", Map.of(), "");
        assertThat(r.queryParameters()).containsExactly(Map.entry("api-version", List.of("2.0")),
                Map.entry("audience", List.of("https://github.com/octo-org")));
    }
}
