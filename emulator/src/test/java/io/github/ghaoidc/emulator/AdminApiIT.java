package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.emulator.support.DiscoveryVerifier;
import io.github.ghaoidc.emulator.support.Http;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminApiIT {

    private static GitHubOidcEmulator github;

    @BeforeAll
    static void start() {
        github = GitHubOidcEmulator.builder().keyCount(1).build().start();
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    private static String admin(String path) {
        return github.baseUrl() + "/_admin/" + path;
    }

    @Test
    void createdJobGetsItsOwnRequestUrlAndTokenThatWork() {
        HttpResponse<String> r = Http.send("POST", admin("jobs"),
                "{\"id\":\"deploy\",\"context\":{\"repository\":\"octo-org/app\",\"branch\":\"main\",\"environment\":\"prod\"}}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode job = Http.json(r.body());
        assertThat(job.get("id").asText()).isEqualTo("deploy");
        assertThat(job.get("sub").asText()).isEqualTo("repo:octo-org/app:environment:prod");
        HttpResponse<String> token = Http.toolkitGet(job.get("requestUrl").asText(), job.get("requestToken").asText(), null);
        assertThat(RuntimeEndpointIT.payload(Http.json(token.body()).get("value").asText()).get("environment").asText())
                .isEqualTo("prod");
        assertThat(Http.get(admin("jobs")).body()).contains("\"deploy\"").doesNotContain(job.get("requestToken").asText());
        assertThat(Http.send("DELETE", admin("jobs/deploy"), null).statusCode()).isEqualTo(204);
    }

    @Test
    void duplicateJobIdIs409() {
        Http.send("POST", admin("jobs"), "{\"id\":\"twice\"}");
        HttpResponse<String> r = Http.send("POST", admin("jobs"), "{\"id\":\"twice\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Http.json(r.body()).get("message").asText()).isEqualTo("job id 'twice' already exists");
    }

    @Test
    void mintWithCustomClaimsVerifiesAgainstTheServersKeys() throws Exception {
        HttpResponse<String> r = Http.send("POST", admin("mint"), "{\"context\":{\"repository\":\"octo-org/app\",\"tag\":\"v2\"},"
                + "\"audience\":\"sts.amazonaws.com\",\"claims\":{\"repository_visibility\":\"public\",\"custom\":\"x\",\"actor\":null}}");
        assertThat(r.statusCode()).isEqualTo(200);
        String jwt = Http.json(r.body()).get("value").asText();
        var claims = new DiscoveryVerifier(github.discoveryUrl(), "sts.amazonaws.com").verify(jwt);
        assertThat(claims.getSubject()).isEqualTo("repo:octo-org/app:ref:refs/tags/v2");
        assertThat(claims.getStringClaim("repository_visibility")).isEqualTo("public");
        assertThat(claims.getStringClaim("custom")).isEqualTo("x");
        assertThat(claims.getClaims()).doesNotContainKey("actor");
    }

    @Test
    void claimsOverwriteRegisteredClaimsAsGivenForTestingClients() {
        HttpResponse<String> r = Http.send("POST", admin("mint"), "{\"claims\":{\"exp\":1,\"iat\":\"soon\",\"aud\":5}}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode claims = RuntimeEndpointIT.payload(Http.json(r.body()).get("value").asText());
        assertThat(claims.get("exp").isInt()).isTrue();
        assertThat(claims.get("exp").asInt()).isEqualTo(1);
        assertThat(claims.get("iat").asText()).isEqualTo("soon");
        assertThat(claims.get("aud").isInt()).isTrue();
    }

    @Test
    void malformedJsonIs400WithPosition() {
        HttpResponse<String> r = Http.send("POST", admin("jobs"), "{\"id\": ");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).get("message").asText()).startsWith("request body: not valid JSON at line 1, column");
    }

    @Test
    void unknownFieldIs400NamingItAndTheAllowedOnes() {
        HttpResponse<String> r = Http.send("POST", admin("jobs"), "{\"context\":{\"repo\":\"a/b\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).get("message").asText())
                .startsWith("request body: unknown field 'context.repo'; allowed here: ")
                .contains("repository", "environment");
    }

    @Test
    void badContextValueIs400NamingTheField() {
        HttpResponse<String> r = Http.send("POST", admin("jobs"), "{\"context\":{\"visibility\":\"secret\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).get("message").asText())
                .isEqualTo("context.visibility must be public, private, internal, got: 'secret'");
    }

    @Test
    void unknownJobIs404() {
        HttpResponse<String> r = Http.send("PUT", admin("jobs/ghost/fault"), "{\"status\":503}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Http.json(r.body()).get("message").asText()).isEqualTo("unknown job 'ghost'; list jobs with GET /_admin/jobs");
    }

    @Test
    void globalFaultIsSetAndClearedOverHttp() {
        assertThat(Http.send("PUT", admin("fault"), "{\"status\":429,\"times\":1}").statusCode()).isEqualTo(204);
        assertThat(Http.toolkitGet(github.tokenRequestUrl(), github.tokenRequestToken(), null).statusCode()).isEqualTo(429);
        assertThat(Http.toolkitGet(github.tokenRequestUrl(), github.tokenRequestToken(), null).statusCode()).isEqualTo(200);
        HttpResponse<String> bad = Http.send("PUT", admin("fault"), "{\"status\":200}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.json(bad.body()).get("message").asText()).startsWith("fault: fault status must be an HTTP error 400-599");
        assertThat(Http.send("DELETE", admin("fault"), null).statusCode()).isEqualTo(204);
    }

    @Test
    void keysCanBeListedAndRotated() {
        String before = Http.json(Http.get(admin("keys")).body()).get("activeKid").asText();
        String rotated = Http.json(Http.send("POST", admin("keys/rotate"), null).body()).get("kid").asText();
        JsonNode keys = Http.json(Http.get(admin("keys")).body());
        assertThat(keys.get("activeKid").asText()).isEqualTo(rotated).isNotEqualTo(before);
        assertThat(Http.send("DELETE", admin("keys/" + rotated), null).statusCode()).isEqualTo(400);
    }

    @Test
    void unknownAdminPathIs404ListingEndpoints() {
        HttpResponse<String> r = Http.get(admin("nope"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Http.json(r.body()).get("message").asText()).startsWith("no admin endpoint GET /_admin/nope; see docs/emulator.md");
    }

    @Test
    void theDefaultJobCannotBeRemovedAndMintingFromItStillWorks() {
        HttpResponse<String> r = Http.send("DELETE", admin("jobs/default"), null);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Http.json(r.body()).get("message").asText()).startsWith("the default job cannot be removed; ");
        HttpResponse<String> mint = Http.send("POST", admin("mint"), "{}");
        assertThat(mint.statusCode()).isEqualTo(200);
        assertThat(Http.json(mint.body()).get("value").asText()).isNotEmpty();
    }

    @Test
    void javaRemoveJobRefusesTheDefaultJobWithTheSameMessage() {
        assertThatThrownBy(() -> github.removeJob("default")).isInstanceOf(EmulatorException.class)
                .hasMessage(Http.json(Http.send("DELETE", admin("jobs/default"), null).body()).get("message").asText());
        assertThat(github.defaultJob().id()).isEqualTo("default");
    }

    @Test
    void aNumberWhereAStringBelongsIs400NamingTheFieldAndType() {
        HttpResponse<String> r = Http.send("POST", admin("mint"), "{\"audience\":5}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).get("message").asText()).isEqualTo("request body: field 'audience' must be a string, got: 5");
    }

    @Test
    void anArrayBodyIs400SayingAnObjectWasExpected() {
        HttpResponse<String> r = Http.send("POST", admin("jobs"), "[]");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).get("message").asText()).isEqualTo("request body: expected a JSON object, got an array");
    }

    @Test
    void anUnexpectedFailureIsAJson500WithoutAStackTraceFromTheServer() {
        AtomicBoolean broken = new AtomicBoolean();
        Clock clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() {
                if (broken.get()) {
                    throw new IllegalStateException("clock failure injected by the test");
                }
                return Instant.now();
            }
        };
        List<LogRecord> undertowErrors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override public void publish(LogRecord record) {
                if (record.getThrown() != null || record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    undertowErrors.add(record);
                }
            }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger undertow = Logger.getLogger("io.undertow");
        undertow.addHandler(capture);
        try (GitHubOidcEmulator e = GitHubOidcEmulator.builder().keyCount(1).clock(clock).recordRequests(false).build().start()) {
            broken.set(true);
            HttpResponse<String> r = Http.send("POST", e.baseUrl() + "/_admin/mint", "{}");
            assertThat(r.statusCode()).isEqualTo(500);
            assertThat(Http.json(r.body()).get("message").asText())
                    .isEqualTo("internal error handling POST /_admin/mint; the emulator's DEBUG log has the details");
            assertThat(undertowErrors).isEmpty();
        } finally {
            undertow.removeHandler(capture);
        }
    }
}
