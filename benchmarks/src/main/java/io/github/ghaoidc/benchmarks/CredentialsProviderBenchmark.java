package io.github.ghaoidc.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * Budgets of the credentials provider (issue 5): a cached {@code resolveCredentials()} costs at most 50 ns and
 * allocates nothing (run with {@code -prof gc}); a full exchange against the local emulator (fresh ID token from
 * the runtime endpoint + AssumeRoleWithWebIdentity) costs at most 1.5x a bare
 * {@code StsClient.assumeRoleWithWebIdentity} call to the same endpoint. {@code handRolledFetchAndAssume} does
 * the provider's work by hand (GET a token with {@code java.net.http}, then the bare call): the provider's own
 * overhead is the difference between it and {@code fullExchange}.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CredentialsProviderBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc</pre>
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CredentialsProviderBenchmark {

    static final String ACCOUNT = "123456789012";
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";
    static final Duration LIFETIME = Duration.ofSeconds(900);
    static final ObjectMapper JSON = new ObjectMapper();

    /** The emulator with the reference scenario's provider and role, shared by all benchmarks. */
    @State(Scope.Benchmark)
    public static class Local {
        GitHubOidcEmulator github;
        /** Caches for the default 55 minutes: every call is a cached read. */
        GitHubOidcCredentialsProvider cached;
        /** Stale at once: every call is a full exchange (new ID token + STS). */
        GitHubOidcCredentialsProvider exchanging;
        StsClient bare;
        String token;
        HttpClient http;
        HttpRequest tokenRequest;

        @Setup(Level.Trial)
        public void start() {
            github = GitHubOidcEmulator.builder()
                    .defaultContext(WorkflowContext.push("octo-org/octo-repo", "main"))
                    .aws(AwsEmulation.builder().accountId(ACCOUNT))
                    .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                    .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole").assumeRolePolicyDocument(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                                    + "\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com\"},"
                                    + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                                    + "{\"token.actions.githubusercontent.com:sub\":\"repo:octo-org/octo-repo:*\"}}}]}").build())
                    .build().start();
            var env = EnvironmentSource.of(Map.of(
                    "ACTIONS_ID_TOKEN_REQUEST_URL", github.tokenRequestUrl(),
                    "ACTIONS_ID_TOKEN_REQUEST_TOKEN", github.tokenRequestToken(),
                    "AWS_ROLE_ARN", ROLE, "AWS_ROLE_SESSION_NAME", "bench",
                    "AWS_REGION", "us-east-2", "AWS_ENDPOINT_URL_STS", github.stsEndpoint()));
            cached = GitHubOidcCredentialsProvider.builder().environment(env).build();
            cached.resolveCredentials();
            exchanging = GitHubOidcCredentialsProvider.builder().environment(env).sessionDuration(LIFETIME)
                    .staleTime(LIFETIME).prefetchTime(LIFETIME).build();
            bare = StsClient.builder().region(Region.US_EAST_2).endpointOverride(URI.create(github.stsEndpoint()))
                    .credentialsProvider(AnonymousCredentialsProvider.create())
                    .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
            token = github.mint(WorkflowContext.push("octo-org/octo-repo", "main"), "sts.amazonaws.com");
            http = HttpClient.newHttpClient();
            tokenRequest = HttpRequest.newBuilder(URI.create(github.tokenRequestUrl() + "&audience=sts.amazonaws.com"))
                    .header("Authorization", "Bearer " + github.tokenRequestToken())
                    .header("Accept", "application/json").build();
        }

        @TearDown(Level.Trial)
        public void stop() {
            cached.close();
            exchanging.close();
            bare.close();
            github.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public AwsCredentials cachedResolveCredentials(Local local) {
        return local.cached.resolveCredentials();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AwsCredentials fullExchange(Local local) {
        return local.exchanging.resolveCredentials();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AssumeRoleWithWebIdentityResponse bareAssumeRoleWithWebIdentity(Local local) {
        return local.bare.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE).roleSessionName("bench")
                .durationSeconds((int) LIFETIME.getSeconds()).webIdentityToken(local.token));
    }

    /** The same work as {@link #fullExchange} written by hand: GET a new token, then the bare STS call. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public AssumeRoleWithWebIdentityResponse handRolledFetchAndAssume(Local local) throws Exception {
        String body = local.http.send(local.tokenRequest, HttpResponse.BodyHandlers.ofString()).body();
        String fresh = JSON.readTree(body).get("value").asText();
        return local.bare.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE).roleSessionName("bench")
                .durationSeconds((int) LIFETIME.getSeconds()).webIdentityToken(fresh));
    }
}
