package io.github.ghaoidc.emulator.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.RecordedRequest;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import io.github.ghaoidc.emulator.issuer.Job;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The container credentials endpoint's Java API over HTTP, against the emulator's issuer and STS. */
class ContainerCredentialsServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";
    private static final String K = "token.actions.githubusercontent.com";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static GitHubOidcEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = GitHubOidcEmulator.builder().defaultContext(WorkflowContext.push("octo-org/app", "main"))
                .aws(AwsEmulation.builder().accountId(ACCOUNT).sessionLifetime(Duration.ofSeconds(6)))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole").assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                                + "\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + K + "\"},\"Action\":"
                                + "\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"" + K
                                + ":sub\":\"repo:octo-org/app:ref:refs/heads/main\"}}}]}").build())
                .build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** A provider for {@code job}, refreshing 2 s before the emulator's 6 s sessions expire. */
    private static GitHubOidcCredentialsProvider provider(Job job) {
        return GitHubOidcCredentialsProvider.builder().environment(EnvironmentSource.of(Map.of(
                        "ACTIONS_ID_TOKEN_REQUEST_URL", job.requestUrl(), "ACTIONS_ID_TOKEN_REQUEST_TOKEN", job.requestToken(),
                        "AWS_ROLE_ARN", ROLE, "AWS_REGION", "us-east-1", "AWS_ENDPOINT_URL_STS", emulator.stsEndpoint())))
                .staleTime(Duration.ofSeconds(2)).prefetchTime(Duration.ofSeconds(3)).build();
    }

    private static HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersTheContainerCredentialsJsonToTheRightToken() throws Exception {
        Job job = emulator.createJob(WorkflowContext.push("octo-org/app", "main"));
        try (var provider = provider(job);
             var server = ContainerCredentialsServer.builder().role("default", ROLE, provider).build().start()) {
            HttpResponse<String> response = get(server.defaultUrl(), server.authorizationToken());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(server.defaultUrl()).matches("http://127\\.0\\.0\\.1:\\d+/roles/default");
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.fieldNames()).toIterable().containsExactly("AccessKeyId", "SecretAccessKey", "Token",
                    "Expiration", "AccountId", "RoleArn");
            assertThat(body.get("AccessKeyId").asText()).startsWith("ASIA");
            assertThat(Instant.parse(body.get("Expiration").asText())).isAfter(Instant.now());
            assertThat(body.get("AccountId").asText()).isEqualTo(ACCOUNT);
            assertThat(body.get("RoleArn").asText()).isEqualTo(ROLE);
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void missingAndWrongAuthorizationAre401And403WithACodeAndAMessage() throws Exception {
        try (var provider = provider(emulator.defaultJob());
             var server = ContainerCredentialsServer.builder().role("default", provider).build().start()) {
            HttpResponse<String> missing = get(server.defaultUrl(), null);
            HttpResponse<String> wrong = get(server.defaultUrl(), server.authorizationToken() + "x");

            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(missing.body()).get("code").asText()).isEqualTo("MissingAuthorization");
            assertThat(wrong.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(wrong.body()).get("code").asText()).isEqualTo("InvalidAuthorization");
            assertThat(missing.body() + wrong.body()).doesNotContain(server.authorizationToken()).doesNotContain("ASIA");
        }
    }

    @Test
    void eachRoleHasItsPathAndAnUnknownOneIsNamed() throws Exception {
        try (var provider = provider(emulator.defaultJob());
             var server = ContainerCredentialsServer.builder().role("deploy", provider).role("read", provider).build()
                     .start()) {
            assertThat(server.defaultUrl()).endsWith("/roles/deploy");
            assertThat(get(server.url("read"), server.authorizationToken()).statusCode()).isEqualTo(200);
            HttpResponse<String> unknown = get(server.defaultUrl().replace("/roles/deploy", "/roles/admin"),
                    server.authorizationToken());
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(unknown.body()).get("message").asText())
                    .isEqualTo("no credentials at /roles/admin; served: /roles/deploy, /roles/read");
        }
    }

    @Test
    void aNonLoopbackHostAndAWeakTokenAreRefused() {
        assertThatThrownBy(() -> ContainerCredentialsServer.builder().host("0.0.0.0")
                .role("default", provider(emulator.defaultJob())).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the credentials endpoint listens on loopback only (127.0.0.1, ::1, localhost), "
                        + "got: 0.0.0.0");
        assertThatThrownBy(() -> ContainerCredentialsServer.builder().authorizationToken("short")
                .role("default", provider(emulator.defaultJob())).build())
                .hasMessageContaining("at least 128 bits");
    }

    @Test
    void aRoleTheJobMayNotAssumeIsAnsweredWithTheDiagnosticAndTheServerKeepsServing() throws Exception {
        Job other = emulator.createJob(WorkflowContext.pullRequest("octo-org/app", 7));
        Job main = emulator.createJob(WorkflowContext.push("octo-org/app", "main"));
        try (var refused = provider(other); var allowed = provider(main);
             var server = ContainerCredentialsServer.builder().role("pr", refused).role("main", allowed).build().start()) {
            HttpResponse<String> denied = get(server.url("pr"), server.authorizationToken());

            assertThat(denied.statusCode()).isEqualTo(403);
            JsonNode body = JSON.readTree(denied.body());
            assertThat(body.get("code").asText()).isEqualTo("AccessDenied");
            assertThat(body.get("message").asText()).contains("sub=repo:octo-org/app:pull_request")
                    .contains("Likely fix").doesNotContain("eyJ");
            assertThat(get(server.url("main"), server.authorizationToken()).statusCode()).isEqualTo(200);
            assertThat(get(server.url("pr"), server.authorizationToken()).statusCode()).as("tried again").isEqualTo(403);
        }
    }

    @Test
    void aLostTokenEndpointIsA5xxWithTheReasonAndTheServerKeepsServing() throws Exception {
        Job job = emulator.createJob(WorkflowContext.push("octo-org/app", "main"));
        try (var provider = provider(job);
             var server = ContainerCredentialsServer.builder().role("default", provider).build().start()) {
            emulator.removeJob(job.id());
            HttpResponse<String> lost = get(server.defaultUrl(), server.authorizationToken());

            assertThat(lost.statusCode()).isBetween(500, 599);
            assertThat(JSON.readTree(lost.body()).get("message").asText()).contains("token").doesNotContain("eyJ");
            assertThat(get(server.defaultUrl(), server.authorizationToken()).statusCode()).isBetween(500, 599);
        }
    }

    @Test
    void thirtyTwoClientsPollingAtOnceCauseOneStsCallPerRefresh() throws Exception {
        Job job = emulator.createJob(WorkflowContext.push("octo-org/app", "main"));
        drain();
        Set<String> keys = ConcurrentHashMap.newKeySet();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try (var provider = provider(job);
             var server = ContainerCredentialsServer.builder().role("default", provider).build().start()) {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(9); // 6 s sessions: at least two refreshes
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < 32; c++) {
                clients.add(pool.submit(() -> {
                    while (System.nanoTime() < until) {
                        HttpResponse<String> r = get(server.defaultUrl(), server.authorizationToken());
                        JsonNode body = JSON.readTree(r.body());
                        if (r.statusCode() != 200 || !Instant.parse(body.get("Expiration").asText()).isAfter(Instant.now())) {
                            failures.incrementAndGet();
                        } else {
                            keys.add(body.get("AccessKeyId").asText());
                        }
                        Thread.sleep(50);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> jtis = assumeCallJtis();
        assertThat(failures).as("answers that were errors or already expired").hasValue(0);
        assertThat(keys.size()).as("credentials across the polling").isGreaterThanOrEqualTo(3);
        assertThat(jtis).as("one STS call per refresh, each with a fresh ID token").hasSize(keys.size())
                .doesNotHaveDuplicates();
    }

    private static void drain() throws InterruptedException {
        while (emulator.takeRequest(0, TimeUnit.SECONDS) != null) {
            // only the next test's requests count
        }
    }

    /** The {@code jti} of the token in each AssumeRoleWithWebIdentity request received since the last drain. */
    private static List<String> assumeCallJtis() throws Exception {
        List<String> jtis = new ArrayList<>();
        for (RecordedRequest r = emulator.takeRequest(0, TimeUnit.SECONDS); r != null;
                r = emulator.takeRequest(0, TimeUnit.SECONDS)) {
            if (r.body() == null || !r.body().contains("Action=AssumeRoleWithWebIdentity")) {
                continue;
            }
            String token = java.net.URLDecoder.decode(r.body().replaceAll("(?s).*WebIdentityToken=([^&]*).*", "$1"),
                    StandardCharsets.UTF_8);
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
            jtis.add(JSON.readTree(payload).get("jti").asText());
        }
        return jtis;
    }

    @Test
    void anAnswerIsSentAgainWithoutAskingTheProviderUntilItsAskAgainTime() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Instant expiry = Instant.now().plus(Duration.ofHours(1));
        software.amazon.awssdk.auth.credentials.AwsCredentialsProvider counting = () -> {
            asked.incrementAndGet();
            return software.amazon.awssdk.auth.credentials.AwsSessionCredentials.builder().accessKeyId("ASIACOUNTED00000001")
                    .secretAccessKey("s").sessionToken("t").expirationTime(expiry).build();
        };
        try (var reused = ContainerCredentialsServer.builder().role("a", null, counting, Duration.ofMinutes(5)).build().start();
             var askedEachTime = ContainerCredentialsServer.builder().role("b", null, counting, Duration.ofHours(2)).build()
                     .start()) {
            for (int i = 0; i < 20; i++) {
                assertThat(get(reused.defaultUrl(), reused.authorizationToken()).statusCode()).isEqualTo(200);
            }
            int afterReuse = asked.get();
            for (int i = 0; i < 5; i++) {
                assertThat(get(askedEachTime.defaultUrl(), askedEachTime.authorizationToken()).statusCode()).isEqualTo(200);
            }

            assertThat(afterReuse).as("20 requests, one answer made").isEqualTo(1);
            assertThat(asked.get() - afterReuse).as("inside the ask-again window every request asks").isEqualTo(5);
            assertThat(get(reused.defaultUrl(), "wrong-" + reused.authorizationToken()).statusCode())
                    .as("a reused answer still needs the token").isEqualTo(403);
        }
    }
}
