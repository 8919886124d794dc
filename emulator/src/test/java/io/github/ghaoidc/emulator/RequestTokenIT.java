package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.support.Http;
import io.github.ghaoidc.emulator.support.SettableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each job's request token is a signed JWT for that job, valid for the job's lifetime by the emulator's clock. */
class RequestTokenIT {

    private static final Duration SIX_TEN = Duration.ofHours(6).plusMinutes(10);
    private static final SettableClock CLOCK = new SettableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private static GitHubOidcEmulator github;

    @BeforeAll
    static void start() {
        github = GitHubOidcEmulator.builder().clock(CLOCK).build().start();
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    @Test
    void theRequestTokenIsAJwtForItsJobExpiringSixHoursTenMinutesAfterCreation() throws Exception {
        Instant created = CLOCK.instant();
        Job job = github.createJob(WorkflowContext.push("octo-org/app", "main"));
        JWTClaimsSet c = SignedJWT.parse(job.requestToken()).getJWTClaimsSet();
        assertThat(c.getIssuer()).isEqualTo(github.baseUrl() + "/_apis");
        assertThat(c.getAudience()).isEqualTo(List.of(github.baseUrl() + "/_apis/jobs/" + job.id()));
        assertThat(c.getIssueTime().toInstant()).isEqualTo(created).isEqualTo(job.requestTokenIssuedAt());
        assertThat(c.getNotBeforeTime().toInstant()).isEqualTo(created);
        assertThat(c.getExpirationTime().toInstant()).isEqualTo(created.plus(SIX_TEN)).isEqualTo(job.requestTokenExpiresAt());
    }

    @Test
    void theRequestTokenKeyIsNotPublishedInTheJwks() throws Exception {
        SignedJWT jwt = SignedJWT.parse(github.tokenRequestToken());
        assertThat(jwt.getHeader().getKeyID()).isNull();
        assertThat(github.jwkSet().getKeys()).allSatisfy(k -> assertThat(k.getKeyType().getValue()).isEqualTo("RSA"));
        assertThat(Http.get(github.jwksUrl()).body()).doesNotContain("\"oct\"");
    }

    @Test
    void anExpiredRequestTokenIs401WithAJsonMessageAndNoToken() {
        Job job = github.createJob(null, WorkflowContext.push("octo-org/app", "main"), Duration.ofMinutes(10));
        assertThat(Http.toolkitGet(job.requestUrl(), job.requestToken(), "sts.amazonaws.com").statusCode()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(10));
        HttpResponse<String> r = Http.toolkitGet(job.requestUrl(), job.requestToken(), "sts.amazonaws.com");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(Http.json(r.body()).get("message").asText())
                .isEqualTo("the request token for job '" + job.id() + "' expired at " + job.requestTokenExpiresAt()
                        + "; no ID token can be had after the job's lifetime")
                .doesNotContain(job.requestToken());
    }

    @Test
    void aRequestTokenIs401BeforeItsJobWasCreatedByTheEmulatorsClock() {
        Job job = github.createJob(WorkflowContext.push("octo-org/app", "main"));
        CLOCK.advance(Duration.ofMinutes(-5));
        try {
            HttpResponse<String> r = Http.toolkitGet(job.requestUrl(), job.requestToken(), "sts.amazonaws.com");
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(Http.json(r.body()).get("message").asText()).isEqualTo("bad request token for job '" + job.id() + "'");
        } finally {
            CLOCK.advance(Duration.ofMinutes(5));
        }
        assertThat(Http.toolkitGet(job.requestUrl(), job.requestToken(), "sts.amazonaws.com").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherJobsValidTokenIs401ForThisJob() {
        Job a = github.createJob(WorkflowContext.push("octo-org/app", "main"));
        Job b = github.createJob(WorkflowContext.push("octo-org/app", "main"));
        HttpResponse<String> r = Http.toolkitGet(a.requestUrl(), b.requestToken(), null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).isEqualTo("{\"message\":\"bad request token for job '" + a.id() + "'\"}");
    }

    @Test
    void aRecreatedJobIdDoesNotAcceptTheOldJobsToken() {
        Job old = github.createJob("rerun", WorkflowContext.push("octo-org/app", "main"));
        github.removeJob("rerun");
        Job fresh = github.createJob("rerun", WorkflowContext.push("octo-org/app", "main"));
        assertThat(Http.toolkitGet(fresh.requestUrl(), old.requestToken(), null).statusCode()).isEqualTo(401);
        assertThat(Http.toolkitGet(fresh.requestUrl(), fresh.requestToken(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void theBuilderSetsTheDefaultJobLifetimeAndRefusesNonsense() {
        try (GitHubOidcEmulator short_ = GitHubOidcEmulator.builder().clock(CLOCK).jobLifetime(Duration.ofMinutes(1))
                .keyCount(1).build().start()) {
            assertThat(short_.defaultJob().requestTokenExpiresAt()).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(1)));
        }
        assertThatThrownBy(() -> GitHubOidcEmulator.builder().jobLifetime(Duration.ZERO))
                .isInstanceOf(EmulatorException.class)
                .hasMessage("job lifetime must be between 1 second and 35 days, got: PT0S");
        assertThatThrownBy(() -> github.createJob(null, WorkflowContext.defaults(), Duration.ofDays(36)))
                .hasMessage("job lifetime must be between 1 second and 35 days, got: PT864H");
    }

    @Test
    void theAdminApiCreatesAJobWithItsLifetimeAndNamesABadOne() {
        HttpResponse<String> r = Http.send("POST", github.baseUrl() + "/_admin/jobs", "{\"lifetimeSeconds\":60}");
        assertThat(r.statusCode()).isEqualTo(201);
        JsonNode job = Http.json(r.body());
        assertThat(Instant.parse(job.get("requestTokenExpiresAt").asText())).isEqualTo(CLOCK.instant().plusSeconds(60));
        HttpResponse<String> bad = Http.send("POST", github.baseUrl() + "/_admin/jobs", "{\"lifetimeSeconds\":0}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.json(bad.body()).get("message").asText())
                .isEqualTo("lifetimeSeconds must be between 1 and 3024000 (35 days), got: 0");
    }
}
