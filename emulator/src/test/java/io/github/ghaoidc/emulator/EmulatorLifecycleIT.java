package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.github.ghaoidc.emulator.support.DiscoveryVerifier;
import io.github.ghaoidc.emulator.support.Http;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatorLifecycleIT {

    private static SigningKeys keys;

    @BeforeAll
    static void keys() {
        keys = SigningKeys.generate(1);
    }

    @Test
    void accessorsBeforeStartThrow() {
        GitHubOidcEmulator e = GitHubOidcEmulator.builder().signingKeys(keys).build();
        assertThatThrownBy(e::baseUrl).isInstanceOf(IllegalStateException.class).hasMessage("call start() first");
        assertThatThrownBy(e::tokenRequestUrl).hasMessage("call start() first");
        assertThatThrownBy(() -> e.mint(WorkflowContext.defaults())).hasMessage("call start() first");
        assertThat(e.verificationKeysFor("https://token.actions.githubusercontent.com")).isEmpty();
    }

    @Test
    void bindsLoopbackOnAFreePortAndCloseIsIdempotent() {
        GitHubOidcEmulator e = GitHubOidcEmulator.builder().signingKeys(keys).build().start();
        assertThat(e.baseUrl()).startsWith("http://127.0.0.1:").doesNotEndWith(":0");
        assertThatThrownBy(e::start).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("emulator is already started");
        e.close();
        e.close();
        assertThatThrownBy(e::baseUrl).hasMessage("call start() first");
        assertThatThrownBy(e::start).hasMessage("emulator is closed; build a new one");
    }

    @Test
    void busyPortGivesAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            GitHubOidcEmulator e = GitHubOidcEmulator.builder().signingKeys(keys).port(taken.getLocalPort()).build();
            assertThatThrownBy(e::start).isInstanceOf(EmulatorException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
    }

    @Test
    void invalidPortIsRefusedAtBuild() {
        assertThatThrownBy(() -> GitHubOidcEmulator.builder().port(70000).build())
                .hasMessage("port must be 0 (any free port) to 65535, got: 70000");
    }

    @Test
    void injectedClockDrivesIssueTime() throws Exception {
        Instant fixed = Instant.parse("2026-01-02T03:04:05Z");
        try (GitHubOidcEmulator e = GitHubOidcEmulator.builder().signingKeys(keys)
                .clock(Clock.fixed(fixed, ZoneOffset.UTC)).build().start()) {
            assertThat(RuntimeEndpointIT.payload(e.mint(WorkflowContext.defaults())).get("iat").asLong())
                    .isEqualTo(fixed.getEpochSecond());
        }
    }

    @Test
    void keysFileKeepsTokensVerifiableAcrossRestarts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        String jwt;
        try (GitHubOidcEmulator first = GitHubOidcEmulator.builder().keysFile(file).keyCount(1).build().start()) {
            jwt = first.mint(WorkflowContext.defaults(), "aud");
        }
        try (GitHubOidcEmulator second = GitHubOidcEmulator.builder().keysFile(file).build().start()) {
            assertThat(new DiscoveryVerifier(second.discoveryUrl(), "aud").verify(jwt)).isNotNull();
        }
    }

    @Test
    void verificationKeysForAnswersOnlyForItsOwnIssuer() {
        try (GitHubOidcEmulator e = GitHubOidcEmulator.builder().signingKeys(keys).build().start()) {
            assertThat(e.verificationKeysFor("https://token.actions.githubusercontent.com"))
                    .hasValueSatisfying(set -> assertThat(set.getKeys()).hasSize(1));
            assertThat(e.verificationKeysFor("https://other.example")).isEmpty();
        }
    }

    @Test
    void awsHandlerIsMountedAtPostRootOnly() {
        try (GitHubOidcEmulator e = GitHubOidcEmulator.builder().signingKeys(keys)
                .awsHandler(ex -> ex.getResponseSender().send("aws")).build().start()) {
            assertThat(Http.send("POST", e.baseUrl() + "/", "Action=GetCallerIdentity").body()).isEqualTo("aws");
            assertThat(Http.get(e.baseUrl() + "/").statusCode()).isEqualTo(404);
        }
        try (GitHubOidcEmulator e = GitHubOidcEmulator.builder().signingKeys(keys).build().start()) {
            assertThat(Http.send("POST", e.baseUrl() + "/", "Action=GetCallerIdentity").statusCode()).isEqualTo(404);
        }
    }
}
