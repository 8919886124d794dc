package io.github.ghaoidc.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void ipv4WildcardIsReachedThroughIpv4LoopbackWithoutBrackets() {
        ListenAddress a = ListenAddress.of("0.0.0.0");
        assertThat(a.baseUrl(8080)).isEqualTo("http://127.0.0.1:8080");
        assertThat(a.wildcard()).isTrue();
        assertThat(a.loopback()).isFalse();
    }

    @Test
    void ipv6WildcardIsReachedThroughIpv6Loopback() {
        assertThat(ListenAddress.of("::").baseUrl(1)).isEqualTo("http://[::1]:1");
        assertThat(ListenAddress.of("[::]").wildcard()).isTrue();
    }

    @Test
    void onlyIpv6LiteralsAreBracketed() {
        assertThat(ListenAddress.of("::1").baseUrl(2)).isEqualTo("http://[::1]:2");
        assertThat(ListenAddress.of("[::1]").baseUrl(2)).isEqualTo("http://[::1]:2");
        assertThat(ListenAddress.of("127.0.0.1").baseUrl(2)).isEqualTo("http://127.0.0.1:2");
        assertThat(ListenAddress.of("localhost").baseUrl(2)).isEqualTo("http://localhost:2");
        assertThat(ListenAddress.of("192.168.1.5").baseUrl(2)).isEqualTo("http://192.168.1.5:2");
    }

    @Test
    void loopbackIsRecognisedByNameAndLiteral() {
        assertThat(ListenAddress.of("localhost").loopback()).isTrue();
        assertThat(ListenAddress.of("127.0.0.1").loopback()).isTrue();
        assertThat(ListenAddress.of("127.0.0.2").loopback()).isTrue();
        assertThat(ListenAddress.of("::1").loopback()).isTrue();
        assertThat(ListenAddress.of("192.168.1.5").loopback()).isFalse();
        assertThat(ListenAddress.of("example.invalid").loopback()).isFalse();
    }
}
