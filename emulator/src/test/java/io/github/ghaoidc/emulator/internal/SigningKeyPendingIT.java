package io.github.ghaoidc.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.issuer.internal.JobRegistry;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.github.ghaoidc.emulator.issuer.TokenIssuer;
import io.github.ghaoidc.emulator.issuer.internal.DiscoveryDocument;
import io.github.ghaoidc.emulator.issuer.internal.RuntimeTokenHandler;
import io.github.ghaoidc.emulator.support.Http;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Right after start the signing key may still be being generated: discovery answers at once, JWKS and token
 * requests wait for the key (off the IO thread: this server has a single one) and then get it.
 */
class SigningKeyPendingIT {

    private static SigningKeys keys;
    private final CompletableFuture<SigningKeys> pending = new CompletableFuture<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final CountDownLatch jwksArrived = new CountDownLatch(1);
    private Undertow server;
    private String base;
    private Job job;

    @BeforeAll
    static void keys() {
        keys = SigningKeys.generate(1);
    }

    private void start() {
        DeferredHandler root = new DeferredHandler();
        server = Undertow.builder().setIoThreads(1).addHttpListener(0, "127.0.0.1").setHandler(root).build();
        server.start();
        base = "http://127.0.0.1:" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        JobRegistry jobs = new JobRegistry(base);
        job = jobs.create(JobRegistry.DEFAULT_JOB_ID, WorkflowContext.defaults());
        TokenIssuer issuer = TokenIssuer.builder().keys(pending::join).build();
        Router router = new Router("/.well-known/openid-configuration",
                DiscoveryDocument.bytes(issuer.issuer(), base + "/.well-known/jwks"), Set.of("/.well-known/jwks"),
                pending, new RuntimeTokenHandler(jobs, issuer), exchange -> Responses.error(exchange, 404, "no admin"), null);
        root.set(exchange -> {
            if (exchange.getRelativePath().equals("/.well-known/jwks")) {
                jwksArrived.countDown();
            }
            router.handleRequest(exchange);
        });
    }

    @AfterEach
    void stop() {
        pending.complete(keys); // never leave a worker waiting
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void discoveryAnswersWhileJwksAndTokensWaitForTheSigningKey() throws Exception {
        start();
        CompletableFuture<HttpResponse<String>> jwks = getAsync(base + "/.well-known/jwks");
        assertThat(jwksArrived.await(10, TimeUnit.SECONDS)).isTrue(); // the only IO thread has the JWKS request
        CompletableFuture<HttpResponse<String>> token = getAsync(job.requestUrl() + "&audience=sts.amazonaws.com",
                "Authorization", "Bearer " + job.requestToken());

        HttpResponse<String> discovery = getAsync(base + "/.well-known/openid-configuration").get(10, TimeUnit.SECONDS);

        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.body()).contains("\"jwks_uri\":\"" + base + "/.well-known/jwks\"");
        assertThat(jwks).as("JWKS waits for the key").isNotDone();
        assertThat(token).as("tokens wait for the key").isNotDone();

        pending.complete(keys);

        HttpResponse<String> jwksAnswer = jwks.get(20, TimeUnit.SECONDS);
        assertThat(jwksAnswer.statusCode()).isEqualTo(200);
        assertThat(Http.json(jwksAnswer.body()).at("/keys/0/kid").asText()).isEqualTo(keys.activeKid());
        HttpResponse<String> tokenAnswer = token.get(20, TimeUnit.SECONDS);
        assertThat(tokenAnswer.statusCode()).isEqualTo(200);
        assertThat(Http.json(tokenAnswer.body()).get("value").asText()).startsWith(keys.activeKey().encodedHeader() + ".");
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
