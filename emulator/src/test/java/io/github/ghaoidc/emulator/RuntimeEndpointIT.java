package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.support.DiscoveryVerifier;
import io.github.ghaoidc.emulator.support.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RuntimeEndpointIT {

    private static GitHubOidcEmulator github;

    @BeforeAll
    static void start() {
        github = GitHubOidcEmulator.builder()
                .defaultContext(WorkflowContext.inEnvironment("octo-org/app", "main", "prod")).build().start();
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    @Test
    void runtimeTokenVerifiesWithNimbusUsingOnlyTheDiscoveryDocument() throws Exception {
        HttpResponse<String> r = Http.toolkitGet(github.tokenRequestUrl(), github.tokenRequestToken(), "sts.amazonaws.com");
        assertThat(r.statusCode()).isEqualTo(200);
        JWTClaimsSet claims = new DiscoveryVerifier(github.discoveryUrl(), "sts.amazonaws.com")
                .verify(Http.json(r.body()).get("value").asText());
        assertThat(claims.getIssuer()).isEqualTo("https://token.actions.githubusercontent.com");
        assertThat(claims.getSubject()).isEqualTo("repo:octo-org/app:environment:prod");
        assertThat(claims.getAudience()).containsExactly("sts.amazonaws.com");
    }

    @Test
    void toolkitRequestShapeGetsCountAndValue() {
        assertThat(github.tokenRequestUrl()).endsWith("?api-version=2.0");
        HttpResponse<String> r = Http.toolkitGet(github.tokenRequestUrl(), github.tokenRequestToken(), "my aud/x");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(r.body()).matches("\\{\"count\":1,\"value\":\"[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\"}");
        assertThat(payload(Http.json(r.body()).get("value").asText()).get("aud").asText()).isEqualTo("my aud/x");
    }

    @Test
    void audienceAfterASecondQuestionMarkIsAccepted() {
        HttpResponse<String> r = Http.get(github.tokenRequestUrl() + "?audience=sts.amazonaws.com",
                "Authorization", "Bearer " + github.tokenRequestToken());
        assertThat(payload(Http.json(r.body()).get("value").asText()).get("aud").asText()).isEqualTo("sts.amazonaws.com");
    }

    @Test
    void withoutAudienceTheDefaultIsTheOwnersGitHubUrl() {
        HttpResponse<String> r = Http.toolkitGet(github.tokenRequestUrl(), github.tokenRequestToken(), null);
        assertThat(payload(Http.json(r.body()).get("value").asText()).get("aud").asText()).isEqualTo("https://github.com/octo-org");
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        assertThat(Http.get(github.tokenRequestUrl(), "Authorization", "bEaReR " + github.tokenRequestToken()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void missingBearerIs401WithJsonMessage() {
        HttpResponse<String> r = Http.get(github.tokenRequestUrl());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Http.json(r.body()).get("message").asText())
                .isEqualTo("missing 'Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>' header");
    }

    @Test
    void wrongBearerIs401AndTheMessageDoesNotEchoIt() {
        HttpResponse<String> r = Http.get(github.tokenRequestUrl(), "Authorization", "Bearer not-the-token");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"message\":\"bad request token for job 'default'\"}");
    }

    @Test
    void unknownJobWithoutBearerIs401LikeAKnownOneSoJobIdsAreNotDiscoverable() {
        HttpResponse<String> unknown = Http.get(github.baseUrl() + "/_apis/jobs/nope/idtoken?api-version=2.0");
        HttpResponse<String> known = Http.get(github.tokenRequestUrl());
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(known.body());
    }

    @Test
    void unknownJobWithAnotherJobsBearerIs401NotA404() {
        HttpResponse<String> r = Http.get(github.baseUrl() + "/_apis/jobs/nope/idtoken?api-version=2.0",
                "Authorization", "Bearer " + github.tokenRequestToken());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Http.json(r.body()).get("message").asText()).isEqualTo("bad request token for job 'nope'");
    }

    @Test
    void removedJobWithItsOwnBearerIs404WithJsonMessage() {
        Job gone = github.createJob("gone", WorkflowContext.push("octo-org/app", "main"));
        github.removeJob(gone.id());
        HttpResponse<String> r = Http.toolkitGet(gone.requestUrl(), gone.requestToken(), null);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Http.json(r.body()).get("message").asText()).startsWith("unknown job 'gone': it was removed");
    }

    @Test
    void brokenPercentEncodingIsRefusedByTheHttpLayerBeforeAnyJobIsLookedUp() {
        // Undertow validates RFC 3986 percent-encoding while parsing the request line and answers a bare 400
        // itself (no hook for a body); with or without a bearer, so it reveals nothing about jobs
        String[] withBearer = Http.rawGet(github.baseUrl(), "/_apis/jobs/default/idtoken?api-version=2.0&audience=%zz",
                "Authorization: Bearer " + github.tokenRequestToken());
        String[] without = Http.rawGet(github.baseUrl(), "/_apis/jobs/nope/idtoken?api-version=2.0&audience=%zz");
        assertThat(withBearer[0]).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(without[0]).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(withBearer[1]).isEmpty();
    }

    @Test
    void eachJobHasItsOwnUrlTokenAndContext() {
        Job pr = github.createJob(WorkflowContext.pullRequest("octo-org/app", 9));
        HttpResponse<String> own = Http.toolkitGet(pr.requestUrl(), pr.requestToken(), null);
        assertThat(payload(Http.json(own.body()).get("value").asText()).get("sub").asText())
                .isEqualTo("repo:octo-org/app:pull_request");
        assertThat(Http.toolkitGet(pr.requestUrl(), github.tokenRequestToken(), null).statusCode()).isEqualTo(401);
        assertThat(github.removeJob(pr.id())).isTrue();
        assertThat(Http.toolkitGet(pr.requestUrl(), pr.requestToken(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void postIsRefusedWith405() {
        assertThat(Http.send("POST", github.tokenRequestUrl(), "{}").statusCode()).isEqualTo(405);
    }

    static JsonNode payload(String jwt) {
        return Http.json(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
