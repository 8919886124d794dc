package io.github.ghaoidc.core;

import static io.github.ghaoidc.core.testing.FakeSts.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.ghaoidc.core.testing.CountingTokenSource;
import io.github.ghaoidc.core.testing.FakeSts;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** The provider's own logic against an in-memory STS; the real exchange is covered by the emulator ITs. */
class GitHubOidcCredentialsProviderTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/GitHubActionsRole";
    static final String MAIN = "repo:octo-org/octo-repo:ref:refs/heads/main";

    final FakeSts sts = new FakeSts();
    final CountingTokenSource tokens = CountingTokenSource.subject(MAIN);

    GitHubOidcCredentialsProvider.Builder provider() {
        return GitHubOidcCredentialsProvider.builder()
                .environment(EnvironmentSource.of(Map.of()))
                .roleArn(ROLE)
                .stsClient(sts)
                .tokenSource(tokens);
    }

    @Test
    void exchangesAFreshTokenForSessionCredentials() {
        try (var provider = provider().roleSessionName("GithubActionsSession").build()) {
            var credentials = (AwsSessionCredentials) provider.resolveCredentials();
            assertThat(credentials.accessKeyId()).isEqualTo("ASIAWEB1");
            assertThat(credentials.expirationTime()).isPresent();
            assertThat(credentials.accountId()).contains(FakeSts.ACCOUNT);
            assertThat(sts.webRequests()).singleElement().satisfies(r -> {
                assertThat(r.roleArn()).isEqualTo(ROLE);
                assertThat(r.roleSessionName()).isEqualTo("GithubActionsSession");
                assertThat(r.durationSeconds()).isEqualTo(3600);
                assertThat(r.webIdentityToken()).isEqualTo(tokens.fetched().get(0));
            });
        }
    }

    @Test
    void cachedCredentialsAreReturnedWithoutAnotherExchange() {
        try (var provider = provider().build()) {
            var first = provider.resolveCredentials();
            assertThat(provider.resolveCredentials()).isSameAs(first);
            assertThat(sts.webIdentityCalls()).isEqualTo(1);
        }
    }

    @Test
    void retriesThrottlingWithANewTokenEachAttempt() {
        sts.failNext(error("Throttling", 400, "Rate exceeded"), error("InternalFailure", 500, "boom"));
        try (var provider = provider().build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAWEB3");
        }
        assertThat(sts.webIdentityCalls()).isEqualTo(3);
        assertThat(tokens.fetched()).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void accessDeniedFailsFastWithClaimsRoleAndFix() {
        var pr = CountingTokenSource.subject("repo:octo-org/octo-repo:pull_request");
        sts.failNext(error("AccessDenied", 403, "Not authorized to perform sts:AssumeRoleWithWebIdentity"));
        try (var provider = provider().tokenSource(pr).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .isInstanceOfSatisfying(GitHubOidcException.class, e -> assertThat(e.errorCode()).isEqualTo("AccessDenied"))
                    .hasMessageContaining(ROLE)
                    .hasMessageContaining("AccessDenied")
                    .hasMessageContaining("iss=https://token.actions.githubusercontent.com")
                    .hasMessageContaining("aud=sts.amazonaws.com")
                    .hasMessageContaining("sub=repo:octo-org/octo-repo:pull_request")
                    .hasMessageContaining("repository=octo-org/octo-repo")
                    .hasMessageContaining("ref=refs/pull/7/merge")
                    .hasMessageContaining("environment=(none)")
                    .hasMessageContaining("the trust policy must allow repo:octo-org/octo-repo:pull_request or the job must run on a branch")
                    .hasMessageNotContaining(pr.fetched().get(0));
        }
        assertThat(sts.webIdentityCalls()).isEqualTo(1);
    }

    @Test
    void expiredTokenGetsExactlyOneRetryWithANewToken() {
        sts.failNext(error("ExpiredTokenException", 400, "Token expired"));
        try (var provider = provider().build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAWEB2");
        }
        assertThat(tokens.fetched()).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aSecondExpiredTokenIsReportedNotRetriedAgain() {
        sts.failNext(error("ExpiredTokenException", 400, "Token expired"), error("ExpiredTokenException", 400, "Token expired"));
        try (var provider = provider().build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .hasMessageContaining("ExpiredTokenException")
                    .hasMessageContaining("check the runner's clock");
        }
        assertThat(sts.webIdentityCalls()).isEqualTo(2);
    }

    @Test
    void aFailingTokenSourceIsReportedAsSuchWithoutCallingSts() {
        try (var provider = provider().tokenSource(audience -> {
            throw new IllegalStateException("vault sealed");
        }).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .isInstanceOf(GitHubOidcException.class)
                    .hasMessageContaining("The ID token source")
                    .hasMessageContaining("IllegalStateException: vault sealed");
        }
        assertThat(sts.webIdentityCalls()).isZero();
    }

    @Test
    void stopsAtTheOverallDeadline() {
        for (int i = 0; i < 20; i++) {
            sts.failNext(error("ServiceUnavailable", 503, "busy"));
        }
        try (var provider = provider().maxAttempts(20).overallTimeout(Duration.ofMillis(400)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(provider::resolveCredentials).hasMessageContaining("the time budget ran out");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(sts.webIdentityCalls()).isLessThan(20);
    }

    @Test
    void roleChainingAssumesTheSecondRoleWithTheFirstSession() {
        String second = "arn:aws:iam::123456789012:role/Deployer";
        try (var provider = provider().chainedRoleArn(second).build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIACHAINED1");
        }
        assertThat(sts.roleRequests()).singleElement().satisfies(r -> {
            assertThat(r.roleArn()).isEqualTo(second);
            var used = r.overrideConfiguration().orElseThrow().credentialsIdentityProvider().orElseThrow()
                    .resolveIdentity().join();
            assertThat(used.accessKeyId()).isEqualTo("ASIAWEB1");
        });
    }

    @Test
    void refusesCredentialsFromAnAccountNotAllowed() {
        try (var provider = provider().allowedAccountIds(List.of("999999999999")).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .hasMessageContaining("account '123456789012'")
                    .hasMessageContaining("not in allowedAccountIds [999999999999]");
        }
    }

    @Test
    void acceptsCredentialsFromAnAllowedAccount() {
        try (var provider = provider().allowedAccountIds(List.of(FakeSts.ACCOUNT)).build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("ASIAWEB1");
        }
    }

    @Test
    void emitsAddMaskCommandsOnlyWhenAsked() {
        var out = new ByteArrayOutputStream();
        try (var provider = provider().githubLogMasking(true).maskOutput(new PrintStream(out, true, StandardCharsets.UTF_8)).build()) {
            provider.resolveCredentials();
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "::add-mask::ASIAWEB1", "::add-mask::secret-web-1", "::add-mask::session-token-web-1");

        var quiet = new ByteArrayOutputStream();
        try (var provider = provider().maskOutput(new PrintStream(quiet, true, StandardCharsets.UTF_8)).build()) {
            provider.resolveCredentials();
        }
        assertThat(quiet.size()).isZero();
    }

    @Test
    void neverClosesABorrowedStsClient() {
        provider().build().close();
        assertThat(sts.closed()).isFalse();
    }

    @Test
    void toStringShowsIdentifiersOnly() {
        try (var provider = provider().build()) {
            provider.resolveCredentials();
            assertThat(provider.toString())
                    .contains(ROLE, "audience=sts.amazonaws.com")
                    .doesNotContain(tokens.fetched().get(0), "secret-web-1", "session-token-web-1");
        }
    }

    @Test
    void toBuilderReproducesTheConfiguration() {
        try (var provider = provider().roleSessionName("one").build();
             var copy = provider.toBuilder().build()) {
            assertThat(copy.toString()).isEqualTo(provider.toString());
        }
    }
}
