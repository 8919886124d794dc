package io.github.ghaoidc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.ghaoidc.core.testing.CountingTokenSource;
import io.github.ghaoidc.core.testing.FakeSts;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Configuration from the builder and the environment; every rule fails before any token fetch or STS call. */
class ProviderConfigurationTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/GitHubActionsRole";

    final FakeSts sts = new FakeSts();
    final CountingTokenSource tokens = CountingTokenSource.subject("repo:o/r:ref:refs/heads/main");

    GitHubOidcCredentialsProvider.Builder provider(Map<String, String> env) {
        return GitHubOidcCredentialsProvider.builder().environment(EnvironmentSource.of(env)).stsClient(sts).tokenSource(tokens);
    }

    @Test
    void outsideGitHubActionsCreationSucceedsAndUseExplainsWhatIsMissing() {
        var provider = GitHubOidcCredentialsProvider.builder().environment(EnvironmentSource.of(Map.of())).build();
        assertThatThrownBy(provider::resolveCredentials)
                .isInstanceOf(GitHubOidcException.class)
                .hasMessageContaining("add `permissions: id-token: write` to the job")
                .hasMessageContaining("AWS_ROLE_ARN")
                .hasMessageContaining("AWS_REGION");
        provider.close();
    }

    @Test
    void outsideGitHubActionsAChainFallsThroughToTheNextProvider() {
        var fallback = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "fallback-secret"));
        try (var oidc = GitHubOidcCredentialsProvider.builder().environment(EnvironmentSource.of(Map.of())).build();
             var chain = AwsCredentialsProviderChain.builder().credentialsProviders(oidc, fallback).build()) {
            assertThat(chain.resolveCredentials().accessKeyId()).isEqualTo("AKIDEXAMPLE");
        }
    }

    @Test
    void aRequestUrlWithoutItsTokenIsReportedLazily() {
        var provider = GitHubOidcCredentialsProvider.builder().environment(EnvironmentSource.of(Map.of(
                "AWS_ROLE_ARN", ROLE, "AWS_REGION", "us-east-2",
                "ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.example/idtoken?api-version=2.0"))).build();
        assertThatThrownBy(provider::resolveCredentials).hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set");
        provider.close();
    }

    @Test
    void systemPropertiesTakePrecedenceOverEnvironmentVariables() {
        var env = EnvironmentSource.of(
                Map.of("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/FromEnv", "AWS_ROLE_SESSION_NAME", "from-env"),
                Map.of("aws.roleArn", ROLE));
        try (var provider = GitHubOidcCredentialsProvider.builder().environment(env).stsClient(sts).tokenSource(tokens).build()) {
            provider.resolveCredentials();
        }
        assertThat(sts.webRequests()).singleElement().satisfies(r -> {
            assertThat(r.roleArn()).isEqualTo(ROLE);
            assertThat(r.roleSessionName()).isEqualTo("from-env");
        });
    }

    @Test
    void defaultSessionNameComesFromTheRun() {
        try (var provider = provider(Map.of("AWS_ROLE_ARN", ROLE, "GITHUB_RUN_ID", "42", "GITHUB_RUN_ATTEMPT", "1",
                "GITHUB_JOB", "deploy prod")).build()) {
            provider.resolveCredentials();
        }
        assertThat(sts.webRequests().get(0).roleSessionName()).isEqualTo("gha-42-1-deploy-prod");
    }

    @Test
    void audienceDefaultsToStsAndToTheChinaAudienceInChinaRegions() {
        try (var p = GitHubOidcCredentialsProvider.builder().environment(EnvironmentSource.of(Map.of("AWS_REGION", "cn-north-1"))).build();
             var q = GitHubOidcCredentialsProvider.builder().environment(EnvironmentSource.of(Map.of("AWS_DEFAULT_REGION", "us-east-2"))).build()) {
            assertThat(p.toString()).contains("audience=sts.amazonaws.com.cn", "region=cn-north-1");
            assertThat(q.toString()).contains("audience=sts.amazonaws.com,", "region=us-east-2");
        }
    }

    @Test
    void invalidSessionNameFailsAtBuildWithTheRule() {
        assertThatThrownBy(() -> provider(Map.of()).roleArn(ROLE).roleSessionName("a").build())
                .isInstanceOf(GitHubOidcException.class).hasMessageContaining("2–64 characters").hasMessageContaining("'a'");
        assertThatThrownBy(() -> provider(Map.of()).roleArn(ROLE).roleSessionName("has space").build())
                .hasMessageContaining("[\\w+=,.@-]{2,64}");
        assertThatThrownBy(() -> provider(Map.of()).roleArn(ROLE).roleSessionName("x".repeat(65)).build())
                .hasMessageContaining("65 characters");
    }

    @Test
    void durationOutsideNineHundredToFortyThreeThousandTwoHundredFails() {
        assertThatThrownBy(() -> provider(Map.of()).roleArn(ROLE).sessionDuration(Duration.ofSeconds(899)).build())
                .hasMessageContaining("from 900 (15 min) to 43200 (12 h)");
        assertThatThrownBy(() -> provider(Map.of()).roleArn(ROLE).sessionDuration(Duration.ofSeconds(43_201)).build())
                .hasMessageContaining("from 900 (15 min) to 43200 (12 h)");
    }

    @Test
    void sessionPolicyOverTwoThousandFortyEightCharactersFails() {
        assertThatThrownBy(() -> provider(Map.of()).roleArn(ROLE).sessionPolicy("{" + " ".repeat(2047) + "}").build())
                .hasMessageContaining("1–2048 characters, got 2049");
    }

    @Test
    void moreThanTenPolicyArnsFail() {
        var arns = Collections.nCopies(11, "arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThatThrownBy(() -> provider(Map.of()).roleArn(ROLE).policyArns(arns).build())
                .hasMessageContaining("at most 10 managed policies, got 11");
    }

    @Test
    void roleArnMustBeAnIamRoleArn() {
        assertThatThrownBy(() -> provider(Map.of()).roleArn("GitHubActionsRole").build())
                .hasMessageContaining("like arn:aws:iam::123456789012:role/deploy").hasMessageContaining("got: GitHubActionsRole");
        assertThatThrownBy(() -> provider(Map.of()).roleArn("arn:aws:iam::123456789012:user/bob").build())
                .hasMessageContaining("must be an IAM role ARN");
    }

    @Test
    void chainingCapsTheDurationAtOneHour() {
        assertThatThrownBy(() -> provider(Map.of()).roleArn(ROLE).chainedRoleArn("arn:aws:iam::123456789012:role/B")
                .sessionDuration(Duration.ofHours(2)).build())
                .hasMessageContaining("role chaining caps sessions at 3600 s");
    }

    @Test
    void invalidEnvironmentValuesFailLazilyBeforeAnyNetworkCall() {
        var provider = provider(Map.of("AWS_ROLE_ARN", ROLE, "AWS_ROLE_SESSION_NAME", "no spaces allowed",
                "GHA_OIDC_DURATION_SECONDS", "60")).build();
        assertThatThrownBy(provider::resolveCredentials)
                .hasMessageContaining("AWS_ROLE_SESSION_NAME")
                .hasMessageContaining("[\\w+=,.@-]{2,64}")
                .hasMessageContaining("GHA_OIDC_DURATION_SECONDS")
                .hasMessageContaining("from 900 (15 min)");
        assertThat(tokens.fetched()).isEmpty();
        assertThat(sts.webIdentityCalls()).isZero();
        provider.close();
    }

    @Test
    void staleTimeMayNotExceedPrefetchTime() {
        assertThatThrownBy(() -> provider(Map.of()).roleArn(ROLE).staleTime(Duration.ofMinutes(10)).build())
                .hasMessageContaining("prefetchTime (PT5M) must be at least staleTime (PT10M)");
    }

    @Test
    void accountIdsMustHaveTwelveDigits() {
        assertThatThrownBy(() -> provider(Map.of()).roleArn(ROLE).allowedAccountIds(List.of("12345")).build())
                .hasMessageContaining("12-digit");
    }
}
