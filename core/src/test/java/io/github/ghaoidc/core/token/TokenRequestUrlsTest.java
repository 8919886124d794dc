package io.github.ghaoidc.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.token.internal.TokenRequestUrls;
import org.junit.jupiter.api.Test;

class TokenRequestUrlsTest {

    @Test
    void appendsAudienceWithAmpersandWhenTheUrlAlreadyHasAQuery() {
        URI url = TokenRequestUrls.withAudience(URI.create("https://pipelines.example/idtoken?api-version=2.0"),
                "sts.amazonaws.com");
        assertThat(url).hasToString("https://pipelines.example/idtoken?api-version=2.0&audience=sts.amazonaws.com");
    }

    @Test
    void appendsAudienceWithQuestionMarkWhenTheUrlHasNoQuery() {
        URI url = TokenRequestUrls.withAudience(URI.create("https://pipelines.example/idtoken"), "sts.amazonaws.com");
        assertThat(url).hasToString("https://pipelines.example/idtoken?audience=sts.amazonaws.com");
    }

    @Test
    void urlEncodesTheAudience() {
        URI url = TokenRequestUrls.withAudience(URI.create("https://pipelines.example/t?x=1"), "https://github.com/o&x=y");
        assertThat(url.getRawQuery()).isEqualTo("x=1&audience=https%3A%2F%2Fgithub.com%2Fo%26x%3Dy");
    }

    @Test
    void addsNoSecondSeparatorAfterATrailingOne() {
        assertThat(TokenRequestUrls.withAudience(URI.create("https://h.example/t?a=1&"), "aud"))
                .hasToString("https://h.example/t?a=1&audience=aud");
        assertThat(TokenRequestUrls.withAudience(URI.create("https://h.example/t?"), "aud"))
                .hasToString("https://h.example/t?audience=aud");
    }

    @Test
    void requiresHttpsForNonLoopbackHosts() {
        assertThatThrownBy(() -> TokenRequestUrls.validate("http://pipelines.example/idtoken"))
                .isInstanceOf(GitHubOidcException.class)
                .hasMessageContaining("must use https")
                .hasMessageContaining("loopback");
    }

    @Test
    void allowsPlainHttpOnLoopback() {
        assertThat(TokenRequestUrls.validate("http://127.0.0.1:8080/t?a=1")).isNotNull();
        assertThat(TokenRequestUrls.validate("http://localhost:8080/t")).isNotNull();
        assertThat(TokenRequestUrls.validate("http://[::1]:8080/t")).isNotNull();
    }

    @Test
    void doesNotTreatLookalikeHostsAsLoopback() {
        assertThat(TokenRequestUrls.isLoopback("127.0.0.1.evil.example")).isFalse();
        assertThat(TokenRequestUrls.isLoopback("localhost.evil.example")).isFalse();
    }

    @Test
    void rejectsRelativeUrlsAndFragments() {
        assertThatThrownBy(() -> TokenRequestUrls.validate("/idtoken")).hasMessageContaining("absolute https URL");
        assertThatThrownBy(() -> TokenRequestUrls.validate("https://h.example/t#x")).hasMessageContaining("fragment");
    }
}
