package io.github.ghaoidc.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.core.token.GitHubActionsIdTokenSource;
import io.github.ghaoidc.core.token.IdTokenSource;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.issuer.Job;
import io.github.ghaoidc.emulator.support.Http;
import io.github.ghaoidc.emulator.support.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The credentials provider reads {@code exp} from a real emulator job's request token: once it has passed, the
 * provider fails without calling the runtime endpoint; before that it keeps working and knows the limit.
 */
class RequestTokenExpiryIT {

    static GitHubAndAws local;

    @BeforeAll
    static void start() {
        local = GitHubAndAws.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void aJobWhoseRequestTokenExpiredFailsWithoutCallingTheEndpoint() throws Exception {
        // The job started 7 h ago by the emulator's clock, so its request token (6 h 10 min) expired 50 min ago.
        SettableClock clock = new SettableClock(Instant.now().minus(Duration.ofHours(7)).truncatedTo(ChronoUnit.SECONDS));
        try (GitHubOidcEmulator github = GitHubOidcEmulator.builder().clock(clock).keyCount(1).build().start()) {
            Job job = github.createJob(WorkflowContext.push(GitHubAndAws.REPO, "main"));
            Instant exp = job.requestTokenExpiresAt();
            assertThat(exp).isBefore(Instant.now());
            long before = github.requestCount();
            try (var provider = local.provider(job).build()) {
                assertThatThrownBy(provider::resolveCredentials)
                        .isInstanceOf(GitHubOidcException.class)
                        .hasMessageContaining("The job's ACTIONS_ID_TOKEN_REQUEST_TOKEN expired at " + exp
                                + "; GitHub issues no ID token after that")
                        .hasMessageContaining("credentials cannot be refreshed any more")
                        .hasMessageNotContaining(job.requestToken());
            }
            assertThat(github.requestCount()).isEqualTo(before);
            assertThat(github.takeRequest(0, TimeUnit.SECONDS)).isNull();
            // The emulator's clock still says the job is running: the refusal above was the provider's own.
            assertThat(Http.toolkitGet(job.requestUrl(), job.requestToken(), "sts.amazonaws.com").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aJobCloseToExpiryStillGetsCredentialsAndTheSourceReportsTheLimit() {
        Job job = local.github.createJob(null, WorkflowContext.push(GitHubAndAws.REPO, "main"), Duration.ofMinutes(10));
        GitHubActionsIdTokenSource source = IdTokenSource.gitHubActions(job.requestUrl(), job.requestToken());
        assertThat(source.usableUntil()).contains(job.requestTokenExpiresAt());
        try (var provider = local.provider(job).build()) {
            var credentials = (AwsSessionCredentials) provider.resolveCredentials();
            assertThat(credentials.expirationTime()).hasValueSatisfying(
                    expiration -> assertThat(expiration).isAfter(job.requestTokenExpiresAt()));
        }
    }
}
