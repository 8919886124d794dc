package io.github.ghaoidc.core;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.github.ghaoidc.core.internal.CredentialsExchange;
import io.github.ghaoidc.core.internal.ProviderAssembly;
import io.github.ghaoidc.core.internal.RefreshingCache;
import io.github.ghaoidc.core.internal.RetryLoop;
import io.github.ghaoidc.core.internal.StsClientHolder;
import io.github.ghaoidc.core.token.IdTokenSource;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.utils.builder.CopyableBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * AWS credentials for a GitHub Actions job, with no stored keys: a fresh GitHub OIDC ID token is exchanged
 * with STS {@code AssumeRoleWithWebIdentity} for every refresh, so the credentials keep working for as long
 * as the job runs.
 *
 * <pre>{@code
 * try (var credentials = GitHubOidcCredentialsProvider.create();      // everything from the environment
 *      var s3 = S3Client.builder().credentialsProvider(credentials).build()) {
 *     s3.listBuckets();
 * }
 * }</pre>
 *
 * <p>Cached credentials are returned without allocation until {@code expiration - prefetchTime}; then one
 * caller (or a background thread, see {@link Builder#asyncCredentialUpdateEnabled(Boolean)}) refreshes while
 * the others keep the valid credentials; from {@code expiration - staleTime} callers wait for that single
 * refresh. Only the failures worth retrying are retried (throttling, 5xx, network, IDPCommunicationError,
 * JWKS retrieval), with capped jittered exponential backoff, a timeout per attempt and one overall deadline;
 * ExpiredTokenException gets one retry with a new token. Failures throw {@link GitHubOidcException} naming
 * the role, the STS error code, the token's {@code iss}/{@code aud}/{@code sub}/{@code repository}/{@code
 * ref}/{@code environment} and the likely fix.
 *
 * <p>Configuration comes from the builder, else from Java system properties and environment variables
 * (see {@code docs/credentials-provider.md}). Missing configuration fails lazily, on the first
 * {@link #resolveCredentials()}, so the provider can sit in a credentials chain outside GitHub Actions;
 * invalid values given to the builder fail in {@link Builder#build()}.
 *
 * <p>Immutable and thread-safe. {@link #close()} stops background refresh and closes the STS client the
 * provider created (never a borrowed one). {@code toString()} shows identifiers only.
 */
public final class GitHubOidcCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable,
        ToCopyableBuilder<GitHubOidcCredentialsProvider.Builder, GitHubOidcCredentialsProvider> {

    private final Builder settings;
    private final ProviderAssembly.Resolved resolved;
    private final String configurationError;
    private final StsClientHolder sts;
    private final RefreshingCache cache;

    private GitHubOidcCredentialsProvider(Builder builder) {
        this.settings = builder.duplicate();
        this.resolved = ProviderAssembly.resolve(settings.toOptions());
        this.configurationError = resolved.configurationError();
        this.sts = resolved.sts();
        CredentialsExchange exchange = new CredentialsExchange(resolved.config(), sts, RetryLoop.Sleeper.threadSleep());
        this.cache = new RefreshingCache(exchange::exchange, resolved.config().clock(), resolved.staleTime(),
                resolved.prefetchTime(), resolved.asyncRefresh());
    }

    /** A provider configured entirely from the environment (system properties and environment variables). */
    public static GitHubOidcCredentialsProvider create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns valid credentials, exchanging a fresh ID token when the cached ones are due to refresh.
     *
     * @throws GitHubOidcException when configuration is missing or invalid ({@link
     *         GitHubOidcException#isConfigurationError()}), or the exchange failed
     */
    @Override
    public AwsCredentials resolveCredentials() {
        if (configurationError != null) {
            throw GitHubOidcException.configuration(configurationError, null);
        }
        return cache.get();
    }

    @Override
    public Builder toBuilder() {
        return settings.duplicate();
    }

    /** Stops background refresh and closes the STS client this provider created. Idempotent. */
    @Override
    public void close() {
        cache.close();
        sts.close();
    }

    @Override
    public String toString() {
        var c = resolved.config();
        return "GitHubOidcCredentialsProvider[roleArn=" + c.roleArn() + ", roleSessionName=" + c.sessionName()
                + (c.chainedRoleArn() == null ? "" : ", chainedRoleArn=" + c.chainedRoleArn())
                + ", audience=" + c.audience() + ", region=" + c.region() + ", tokenSource=" + c.tokenSource() + "]";
    }

    /** Builder for {@link GitHubOidcCredentialsProvider}. Not thread-safe; every setting is optional. */
    public static final class Builder implements CopyableBuilder<Builder, GitHubOidcCredentialsProvider> {
        private final ProviderAssembly.Options o;

        private Builder() {
            this.o = new ProviderAssembly.Options();
        }

        private Builder(ProviderAssembly.Options options) {
            this.o = options;
        }

        Builder duplicate() {
            return new Builder(o.copy());
        }

        ProviderAssembly.Options toOptions() {
            return o;
        }

        /**
         * The role to assume, e.g. {@code arn:aws:iam::123456789012:role/GitHubActionsRole}.
         * Default: {@code AWS_ROLE_ARN} / {@code -Daws.roleArn}; required.
         */
        public Builder roleArn(String roleArn) {
            o.roleArn = roleArn;
            return this;
        }

        /**
         * The role session name (2–64 of {@code [\w+=,.@-]}). Default: {@code AWS_ROLE_SESSION_NAME} /
         * {@code -Daws.roleSessionName}, else {@code gha-<GITHUB_RUN_ID>-<GITHUB_RUN_ATTEMPT>-<GITHUB_JOB>}
         * sanitised, else {@code GitHubActions}.
         */
        public Builder roleSessionName(String roleSessionName) {
            o.sessionName = roleSessionName;
            return this;
        }

        /**
         * Session lifetime, 900 s to 43200 s and at most the role's MaxSessionDuration (3600 s with role
         * chaining). Default: {@code GHA_OIDC_DURATION_SECONDS} / {@code -Dghaoidc.durationSeconds}, else 1 h.
         */
        public Builder sessionDuration(Duration sessionDuration) {
            o.duration = sessionDuration;
            return this;
        }

        /**
         * The {@code aud} to request. Default: {@code GHA_OIDC_AUDIENCE} / {@code -Dghaoidc.audience}, else
         * {@code sts.amazonaws.com} ({@code sts.amazonaws.com.cn} in {@code cn-} regions).
         */
        public Builder audience(String audience) {
            o.audience = audience;
            return this;
        }

        /**
         * The STS region of the client the provider creates. Default: {@code AWS_REGION} / {@code -Daws.region},
         * else {@code AWS_DEFAULT_REGION}; required unless {@link #stsClient(StsClient)} is given.
         */
        public Builder region(Region region) {
            o.region = region;
            return this;
        }

        /**
         * Endpoint of the STS client the provider creates. Default: {@code AWS_ENDPOINT_URL_STS} /
         * {@code -Daws.endpointUrlSts}, else {@code AWS_ENDPOINT_URL} / {@code -Daws.endpointUrl}, else the
         * region's standard endpoint. Not allowed together with {@link #stsClient(StsClient)}.
         */
        public Builder stsEndpoint(URI stsEndpoint) {
            o.endpoint = stsEndpoint;
            return this;
        }

        /**
         * An STS client to use instead of creating one. Borrowed: the provider never closes it, and its own
         * retry settings apply inside each of the provider's attempts. Default: the provider creates (and
         * closes) an anonymous client without SDK retries.
         */
        public Builder stsClient(StsClient stsClient) {
            o.stsClient = stsClient;
            return this;
        }

        /** An inline session policy (≤ 2048 characters) applied to the last role assumed. Default: none. */
        public Builder sessionPolicy(String sessionPolicy) {
            o.sessionPolicy = sessionPolicy;
            return this;
        }

        /** Managed session policy ARNs (≤ 10) applied to the last role assumed. Default: none. Copied. */
        public Builder policyArns(Collection<String> policyArns) {
            o.policyArns = policyArns == null ? null : List.copyOf(policyArns);
            return this;
        }

        /**
         * Role chaining: after the web-identity role, assume this role with the first session's credentials
         * ({@code sts:AssumeRole}); its credentials are the ones returned. Default: no chaining.
         */
        public Builder chainedRoleArn(String chainedRoleArn) {
            o.chainedRoleArn = chainedRoleArn;
            return this;
        }

        /** Callers block for a refresh from this long before expiry. Default 1 min; ≤ prefetchTime. */
        public Builder staleTime(Duration staleTime) {
            o.staleTime = staleTime;
            return this;
        }

        /** A refresh starts from this long before expiry, while callers keep valid credentials. Default 5 min. */
        public Builder prefetchTime(Duration prefetchTime) {
            o.prefetchTime = prefetchTime;
            return this;
        }

        /**
         * Refresh on a daemon background thread at prefetch time instead of in a caller's thread; the thread
         * ends on {@link GitHubOidcCredentialsProvider#close()}. Default {@code false}.
         */
        public Builder asyncCredentialUpdateEnabled(Boolean asyncCredentialUpdateEnabled) {
            o.asyncRefresh = asyncCredentialUpdateEnabled;
            return this;
        }

        /** Refuse credentials whose assumed-role ARN is in another account (12-digit IDs). Default: any. Copied. */
        public Builder allowedAccountIds(Collection<String> allowedAccountIds) {
            o.allowedAccountIds = allowedAccountIds == null ? null : Set.copyOf(allowedAccountIds);
            return this;
        }

        /** Call GetCallerIdentity after each refresh and check it reports the assumed role. Default {@code false}. */
        public Builder verifyCallerIdentity(Boolean verifyCallerIdentity) {
            o.verifyCallerIdentity = verifyCallerIdentity;
            return this;
        }

        /**
         * Write GitHub {@code ::add-mask::} commands for every new key, secret and session token so the runner
         * hides them in job logs. Default {@code false}.
         */
        public Builder githubLogMasking(Boolean githubLogMasking) {
            o.githubLogMasking = githubLogMasking;
            return this;
        }

        /** Where {@code ::add-mask::} commands go. Default {@code System.out}. Borrowed, never closed. */
        public Builder maskOutput(PrintStream maskOutput) {
            o.maskOutput = maskOutput;
            return this;
        }

        /**
         * Where ID tokens come from. Default: a token file if {@code AWS_WEB_IDENTITY_TOKEN_FILE} /
         * {@code -Daws.webIdentityTokenFile} is set, else the GitHub Actions runtime endpoint from
         * {@code ACTIONS_ID_TOKEN_REQUEST_URL} and {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}. Borrowed.
         */
        public Builder tokenSource(IdTokenSource tokenSource) {
            o.tokenSource = tokenSource;
            return this;
        }

        /** Where environment settings are read. Default {@link EnvironmentSource#system()}. */
        public Builder environment(EnvironmentSource environment) {
            o.environment = environment;
            return this;
        }

        /** STS attempts per call (1–20) for retryable failures. Default 5. */
        public Builder maxAttempts(Integer maxAttempts) {
            o.maxAttempts = maxAttempts;
            return this;
        }

        /** Timeout of one STS attempt. Default 10 s. */
        public Builder attemptTimeout(Duration attemptTimeout) {
            o.attemptTimeout = attemptTimeout;
            return this;
        }

        /** Deadline for all attempts of one STS call, backoff included. Default 60 s. */
        public Builder overallTimeout(Duration overallTimeout) {
            o.overallTimeout = overallTimeout;
            return this;
        }

        /** The clock for expiry decisions. Default {@link Clock#systemUTC()}; tests may pass another. */
        public Builder clock(Clock clock) {
            o.clock = clock;
            return this;
        }

        /**
         * Builds the provider.
         *
         * @throws GitHubOidcException if a value given to this builder is invalid (the message states the rule)
         */
        @Override
        public GitHubOidcCredentialsProvider build() {
            return new GitHubOidcCredentialsProvider(this);
        }
    }
}
