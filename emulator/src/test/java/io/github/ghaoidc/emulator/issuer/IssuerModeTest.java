package io.github.ghaoidc.emulator.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IssuerModeTest {

    @Test
    void githubImpersonatesTheGitHubIssuerWhereverTheServerListens() {
        IssuerMode m = IssuerMode.parse("https://token.actions.githubusercontent.com", null);
        assertThat(m.kind()).isEqualTo(IssuerMode.Kind.GITHUB);
        assertThat(m.issuer("http://127.0.0.1:1234")).isEqualTo("https://token.actions.githubusercontent.com");
        assertThat(m.jwksPath()).isEqualTo("/.well-known/jwks");
    }

    @Test
    void selfUsesTheServerUrl() {
        assertThat(IssuerMode.parse("self", null).issuer("http://127.0.0.1:1234")).isEqualTo("http://127.0.0.1:1234");
    }

    @Test
    void enterpriseSlugUrlSelectsEnterpriseModeWithRootJwksByDefault() {
        IssuerMode m = IssuerMode.parse("https://token.actions.githubusercontent.com/octo-ent", null);
        assertThat(m.kind()).isEqualTo(IssuerMode.Kind.ENTERPRISE);
        assertThat(m.path()).isEqualTo("/octo-ent");
        assertThat(m.jwksPath()).isEqualTo("/.well-known/jwks");
        assertThat(IssuerMode.enterprise("octo-ent", IssuerMode.JwksLayout.PER_SLUG).jwksPath())
                .isEqualTo("/octo-ent/.well-known/jwks");
    }

    @Test
    void ghesUrlSelectsGhesModeWithHostAudience() {
        IssuerMode m = IssuerMode.parse("https://ghes.example.com/_services/token", null);
        assertThat(m.kind()).isEqualTo(IssuerMode.Kind.GHES);
        assertThat(m.path()).isEqualTo("/_services/token");
        assertThat(m.defaultAudience("octo-org")).isEqualTo("https://ghes.example.com/octo-org");
    }

    @Test
    void otherUrlsAreCustomAndKeepTheirPath() {
        IssuerMode m = IssuerMode.parse("https://token.actions.octo.ghe.com", null);
        assertThat(m.kind()).isEqualTo(IssuerMode.Kind.CUSTOM);
        assertThat(m.path()).isEmpty();
        assertThat(IssuerMode.custom("https://idp.example/oidc/gh").path()).isEqualTo("/oidc/gh");
    }

    @Test
    void malformedIssuerIsRefusedWithTheAllowedForms() {
        assertThatThrownBy(() -> IssuerMode.parse("ftp://x", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("issuer must be 'self' or an absolute https URL without query, fragment or trailing slash, got: 'ftp://x'");
        assertThatThrownBy(() -> IssuerMode.parse("https://x.example/", null)).hasMessageContaining("trailing slash");
    }
}
