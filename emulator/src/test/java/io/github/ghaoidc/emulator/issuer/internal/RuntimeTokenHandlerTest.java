package io.github.ghaoidc.emulator.issuer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuntimeTokenHandlerTest {

    @Test
    void audienceIsReadFromAmpersandPair() {
        assertThat(RuntimeTokenHandler.audience("api-version=2.0&audience=sts.amazonaws.com")).isEqualTo("sts.amazonaws.com");
    }

    @Test
    void audienceIsReadAfterAWronglyAddedQuestionMark() {
        assertThat(RuntimeTokenHandler.audience("api-version=2.0?audience=https%3A%2F%2Fx")).isEqualTo("https://x");
    }

    @Test
    void noAudienceGivesNull() {
        assertThat(RuntimeTokenHandler.audience("api-version=2.0")).isNull();
        assertThat(RuntimeTokenHandler.audience(null)).isNull();
    }

    @Test
    void bearerSchemeIsCaseInsensitiveAndOtherSchemesAreIgnored() {
        assertThat(RuntimeTokenHandler.bearer("BEARER abc")).isEqualTo("abc");
        assertThat(RuntimeTokenHandler.bearer("Basic abc")).isNull();
        assertThat(RuntimeTokenHandler.bearer("Bearer ")).isNull();
    }

    @Test
    void brokenPercentEncodingNamesTheParameterWithoutJavaNames() {
        assertThatThrownBy(() -> RuntimeTokenHandler.audience("api-version=2.0&audience=%zz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("query parameter 'audience' is not valid percent-encoding: '%zz'")
                .message().doesNotContain("URLDecoder", "java.");
    }
}
