package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.core.token.IdTokenSource;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.support.Http;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code takeRequest()}: what clients really sent, with bodies still readable by the handlers. */
class RequestRecordingIT {

    private static final String ROLE = "arn:aws:iam::123456789100:role/GitHubActionsRole";
    private static GitHubOidcEmulator github;

    @BeforeAll
    static void start() {
        github = GitHubOidcEmulator.builder().keyCount(1)
                .aws(AwsEmulation.builder().accountId("123456789100"))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole").assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                                + "\"arn:aws:iam::123456789100:oidc-provider/token.actions.githubusercontent.com\"},"
                                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                                + "{\"token.actions.githubusercontent.com:sub\":\"repo:octo-org/app:*\"}}}]}").build())
                .build().start();
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    @BeforeEach
    void drain() throws InterruptedException {
        while (github.takeRequest(0, TimeUnit.SECONDS) != null) {
            // start each test with an empty queue
        }
    }

    @Test
    void theClientsAudienceAndBearerReachedTheServer() throws Exception {
        Job job = github.createJob(WorkflowContext.push("octo-org/app", "main"));
        IdTokenSource.gitHubActions(job.requestUrl(), job.requestToken()).fetch("sts.amazonaws.com");
        RecordedRequest r = github.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/_apis/jobs/" + job.id() + "/idtoken");
        assertThat(r.queryParameter("audience")).isEqualTo("sts.amazonaws.com");
        assertThat(r.queryParameter("api-version")).isEqualTo("2.0");
        assertThat(r.header("Authorization")).isEqualTo("Bearer " + job.requestToken());
        assertThat(r.header("user-agent")).startsWith("actions/oidc-client");
        assertThat(r.toString()).doesNotContain(job.requestToken()).contains("Authorization=<redacted>");
    }

    @Test
    void aRecordedPostBodyIsStillReadByTheAdminApi() throws Exception {
        String body = "{\"id\":\"recorded-job\",\"context\":{\"repository\":\"octo-org/rec\"}}";
        HttpResponse<String> created = Http.send("POST", github.baseUrl() + "/_admin/jobs", body);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(github.job("recorded-job").orElseThrow().context().repository()).isEqualTo("octo-org/rec");
        RecordedRequest r = github.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.body()).isEqualTo(body);
        assertThat(r.path()).isEqualTo("/_admin/jobs");
    }

    @Test
    void aBodyOverTheLimitIsKeptTruncatedButReachesTheHandlerWhole() throws Exception {
        String body = "{\"id\":\"big-body\"" + " ".repeat(100_000) + "}";
        assertThat(Http.send("POST", github.baseUrl() + "/_admin/jobs", body).statusCode()).isEqualTo(201);
        RecordedRequest r = github.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.bodyTruncated()).isTrue();
        assertThat(r.body()).hasSize(64 * 1024).startsWith("{\"id\":\"big-body\"");
    }

    @Test
    void anStsRequestIsRecordedWithItsTokenWhichToStringHides() throws Exception {
        String jwt = github.mint(WorkflowContext.push("octo-org/app", "main"), "sts.amazonaws.com");
        String form = "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=" + URLEncoder.encode(ROLE, StandardCharsets.UTF_8)
                + "&RoleSessionName=rec&WebIdentityToken=" + jwt;
        HttpResponse<String> sts = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(github.stsEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sts.statusCode()).isEqualTo(200);
        assertThat(sts.body()).contains("<AssumeRoleWithWebIdentityResult>");
        RecordedRequest r = github.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.body()).isEqualTo(form);
        assertThat(r.toString()).doesNotContain(jwt).doesNotContain("eyJ");
    }

    @Test
    void requestsAreNumberedInOrderAndCounted() throws Exception {
        long before = github.requestCount();
        Http.get(github.discoveryUrl());
        Http.get(github.jwksUrl());
        RecordedRequest first = github.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest second = github.takeRequest(5, TimeUnit.SECONDS);
        assertThat(first.path()).isEqualTo("/.well-known/openid-configuration");
        assertThat(second.path()).isEqualTo("/.well-known/jwks");
        assertThat(second.sequenceNumber()).isEqualTo(first.sequenceNumber() + 1).isEqualTo(before + 1);
        assertThat(github.requestCount()).isEqualTo(before + 2);
        assertThat(github.takeRequest(50, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void withALimitTheOldestAreDroppedAndCounted() throws Exception {
        try (GitHubOidcEmulator small = GitHubOidcEmulator.builder().keyCount(1).recordedRequestLimit(2).build().start()) {
            for (int i = 0; i < 4; i++) {
                Http.get(small.discoveryUrl() + "?n=" + i);
            }
            assertThat(small.requestCount()).isEqualTo(4);
            assertThat(small.droppedRequestCount()).isEqualTo(2);
            assertThat(small.takeRequest(1, TimeUnit.SECONDS).queryParameter("n")).isEqualTo("2");
        }
    }

    @Test
    void withRecordingOffRequestsAreCountedButNotKept() {
        try (GitHubOidcEmulator quiet = GitHubOidcEmulator.builder().keyCount(1).recordRequests(false).build().start()) {
            Http.send("POST", quiet.baseUrl() + "/_admin/jobs", "{\"id\":\"q\"}");
            assertThat(quiet.job("q")).isPresent();
            assertThat(quiet.requestCount()).isEqualTo(1);
            assertThatThrownBy(() -> quiet.takeRequest(0, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("request recording is off; enable it with builder().recordRequests(true)");
        }
    }
}
