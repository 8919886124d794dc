package io.github.ghaoidc.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime-endpoint client over real HTTP against a scripted loopback server (for the HTTP details the
 * emulator's fault injection does not script: redirects, exact headers). The emulator ITs cover the rest.
 */
class GitHubActionsIdTokenSourceIT {

    record Reply(int status, String body, Map<String, String> headers) {
        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"));
        }
    }

    record Seen(String uri, String authorization, String accept, String userAgent) {
    }

    static final String REQUEST_TOKEN = TestTokens.requestToken(Instant.now().plusSeconds(3600));

    final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Seen> seenElsewhere = new ConcurrentLinkedQueue<>();
    HttpServer server;
    HttpServer elsewhere;

    @BeforeEach
    void start() throws IOException {
        server = serve(seen, replies);
        elsewhere = serve(seenElsewhere, new LinkedBlockingQueue<>(List.of(Reply.json(200, "{\"value\":\"x.y.z\"}"))));
    }

    HttpServer serve(ConcurrentLinkedQueue<Seen> log, BlockingQueue<Reply> script) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", exchange -> answer(exchange, log, script));
        s.start();
        return s;
    }

    static void answer(HttpExchange exchange, ConcurrentLinkedQueue<Seen> log, BlockingQueue<Reply> script) throws IOException {
        var h = exchange.getRequestHeaders();
        log.add(new Seen(exchange.getRequestURI().toString(), h.getFirst("Authorization"), h.getFirst("Accept"),
                h.getFirst("User-Agent")));
        Reply reply = script.poll();
        if (reply == null) {
            reply = Reply.json(500, "{\"message\":\"unscripted\"}");
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        elsewhere.stop(0);
    }

    String url(HttpServer s) {
        return "http://127.0.0.1:" + s.getAddress().getPort() + "/idtoken?api-version=2.0";
    }

    GitHubActionsIdTokenSource source() {
        return GitHubActionsIdTokenSource.builder().requestUrl(url(server)).requestToken(REQUEST_TOKEN)
                .readTimeout(Duration.ofSeconds(2)).build();
    }

    @Test
    void fetchesTheValueWithBearerAcceptUserAgentAndEncodedAudience() {
        String jwt = TestTokens.idToken("repo:o/r:ref:refs/heads/main");
        replies.add(Reply.json(200, "{\"count\":1,\"value\":\"" + jwt + "\"}"));

        assertThat(source().fetch("sts.amazonaws.com")).isEqualTo(jwt);

        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.uri()).isEqualTo("/idtoken?api-version=2.0&audience=sts.amazonaws.com");
            assertThat(s.authorization()).isEqualTo("Bearer " + REQUEST_TOKEN);
            assertThat(s.accept()).isEqualTo("application/json");
            assertThat(s.userAgent()).contains("actions/oidc-client");
        });
    }

    @Test
    void retriesBadGatewayUnavailableAndGatewayTimeout() {
        replies.add(Reply.json(502, "{}"));
        replies.add(Reply.json(503, "{\"message\":\"busy\"}"));
        replies.add(Reply.json(504, ""));
        replies.add(Reply.json(200, "{\"value\":\"a.b.c\"}"));

        assertThat(source().fetch("sts.amazonaws.com")).isEqualTo("a.b.c");
        assertThat(seen).hasSize(4);
    }

    @Test
    void unauthorizedFailsAtOnceWithoutRevealingTheRequestToken() {
        replies.add(Reply.json(401, "{\"message\":\"bad token\"}"));

        assertThatThrownBy(() -> source().fetch("sts.amazonaws.com"))
                .isInstanceOf(GitHubOidcException.class)
                .hasMessageContaining("HTTP 401 (bad token)")
                .hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_TOKEN is wrong or expired")
                .hasMessageNotContaining(REQUEST_TOKEN);
        assertThat(seen).hasSize(1);
    }

    @Test
    void notFoundAndTooManyRequestsAreReportedNotRetried() {
        replies.add(Reply.json(404, ""));
        assertThatThrownBy(() -> source().fetch("a")).hasMessageContaining("HTTP 404").hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_URL");
        replies.add(Reply.json(429, ""));
        assertThatThrownBy(() -> source().fetch("a")).hasMessageContaining("HTTP 429").hasMessageContaining("rate limited");
        assertThat(seen).hasSize(2);
    }

    @Test
    void neverFollowsARedirectSoTheBearerStaysWithTheConfiguredHost() {
        replies.add(new Reply(302, "", Map.of("Location", url(elsewhere))));

        assertThatThrownBy(() -> source().fetch("a"))
                .hasMessageContaining("HTTP 302")
                .hasMessageContaining("not followed");
        assertThat(seenElsewhere).isEmpty();
    }

    @Test
    void aResponseWithoutValueIsAnError() {
        replies.add(Reply.json(200, "{\"count\":0}"));
        assertThatThrownBy(() -> source().fetch("a")).hasMessageContaining("without an ID token in `value`");
    }

    @Test
    void anExpiredRequestTokenFailsWithoutAnyRequest() {
        var source = GitHubActionsIdTokenSource.builder().requestUrl(url(server))
                .requestToken(TestTokens.requestToken(Instant.now().minusSeconds(5))).build();
        assertThat(source.usableUntil()).isPresent();
        assertThatThrownBy(() -> source.fetch("a")).hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_TOKEN expired at");
        assertThat(seen).isEmpty();
    }

    @Test
    void anUnreachableEndpointIsRetriedThenReported() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var source = GitHubActionsIdTokenSource.builder().requestUrl("http://127.0.0.1:" + port + "/t")
                .requestToken(REQUEST_TOKEN).maxAttempts(2).build();
        assertThatThrownBy(() -> source.fetch("a"))
                .hasMessageContaining("failed 2 time(s)")
                .hasMessageContaining("ConnectException");
    }

    @Test
    void toStringNamesTheHostOnly() {
        assertThat(source().toString()).isEqualTo("GitHubActionsIdTokenSource[host=127.0.0.1]").doesNotContain(REQUEST_TOKEN);
    }
}
