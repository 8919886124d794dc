package io.github.ghaoidc.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.core.token.GitHubActionsIdTokenSource;
import io.github.ghaoidc.emulator.aws.AwsFault;
import io.github.ghaoidc.emulator.issuer.Fault;
import io.github.ghaoidc.emulator.issuer.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Faults injected by the emulator, at the token endpoint and at STS: retried or reported as specified. */
class FaultHandlingIT {

    static GitHubAndAws local;

    @BeforeAll
    static void start() {
        local = GitHubAndAws.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    Job job(Fault fault) {
        Job job = local.github.createJob(WorkflowContext.push(GitHubAndAws.REPO, "main"));
        job.setFault(fault);
        return job;
    }

    int decisions() {
        return local.aws.decisions().size();
    }

    @Test
    void serviceUnavailableAtTheTokenEndpointIsRetried() {
        Job job = job(Fault.status(503).toBuilder().times(2).build());
        try (var provider = local.provider(job).build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void unauthorizedAtTheTokenEndpointIsReportedAtOnceWithoutCallingSts() {
        Job job = job(Fault.status(401));
        int before = decisions();
        try (var provider = local.provider(job).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .isInstanceOf(GitHubOidcException.class)
                    .hasMessageContaining("HTTP 401")
                    .hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_TOKEN is wrong or expired")
                    .hasMessageNotContaining(job.requestToken());
        }
        assertThat(decisions()).isEqualTo(before);
    }

    @Test
    void aFinishedJobsRequestTokenNoLongerYieldsTokens() {
        Job job = local.github.createJob(WorkflowContext.push(GitHubAndAws.REPO, "main"));
        try (var provider = local.provider(job).build()) {
            local.github.removeJob(job.id());
            assertThatThrownBy(provider::resolveCredentials)
                    .isInstanceOf(GitHubOidcException.class)
                    .hasMessageContaining("The GitHub Actions token endpoint at 127.0.0.1 answered HTTP 4")
                    .hasMessageNotContaining(job.requestToken());
        }
    }

    @Test
    void notFoundTooManyRequestsAndServerErrorAreReportedNotRetried() {
        for (int status : new int[] {404, 429, 500}) {
            Job job = job(Fault.status(status).toBuilder().times(1).build());
            try (var provider = local.provider(job).build()) {
                assertThatThrownBy(provider::resolveCredentials).hasMessageContaining("HTTP " + status);
                // times(1) is used up: a retry would have succeeded, so success here would mean a retry happened
            }
        }
    }

    @Test
    void aSlowTokenEndpointTimesOutPerAttemptAndIsRetried() {
        Job job = job(Fault.latency(Duration.ofSeconds(6)).toBuilder().times(1).build());
        var source = GitHubActionsIdTokenSource.builder().requestUrl(job.requestUrl()).requestToken(job.requestToken())
                .readTimeout(Duration.ofMillis(500)).build();
        try (var provider = local.provider(job).tokenSource(source).build()) {
            long start = System.nanoTime();
            assertThat(provider.resolveCredentials().accessKeyId()).startsWith("ASIA");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("did not wait out the 6 s response")
                    .isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void anExpiredIdTokenIsReplacedByAFreshOneOnce() {
        Job job = job(Fault.builder().expired().times(1).build());
        try (var provider = local.provider(job).build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void tokensThatKeepArrivingExpiredAreReportedWithTheClockHint() {
        Job job = job(Fault.builder().expired().build());
        try (var provider = local.provider(job).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .isInstanceOfSatisfying(GitHubOidcException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("ExpiredTokenException"))
                    .hasMessageContaining("check the runner's clock");
        }
    }

    @Test
    void throttlingAndIdpCommunicationErrorsFromStsAreRetried() {
        local.aws.failNextWebIdentityCall(AwsFault.THROTTLING);
        local.aws.failNextWebIdentityCall(AwsFault.IDP_COMMUNICATION_ERROR);
        try (var provider = local.provider(local.github.defaultJob()).build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).startsWith("ASIA");
        }
    }

    @Test
    void aRejectedClaimFailsFastWithItsFix() {
        local.aws.failNextWebIdentityCall(AwsFault.IDP_REJECTED_CLAIM);
        try (var provider = local.provider(local.github.defaultJob()).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .hasMessageContaining("IDPRejectedClaim")
                    .hasMessageContaining("after 1 attempt")
                    .hasMessageContaining("identity provider rejected a claim");
        }
    }

    @Test
    void aDisabledRegionNamesTheRegionToActivate() {
        local.aws.failNextWebIdentityCall(AwsFault.REGION_DISABLED);
        try (var provider = local.provider(local.github.defaultJob()).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .hasMessageContaining("RegionDisabledException")
                    .hasMessageContaining("activate STS for region us-east-2");
        }
    }

    @Test
    void aDurationAboveTheRolesMaximumIsAValidationErrorWithTheFix() {
        try (var provider = local.provider(local.github.defaultJob()).sessionDuration(Duration.ofHours(2)).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .hasMessageContaining("ValidationError")
                    .hasMessageContaining("MaxSessionDuration");
        }
    }
}
