package io.github.ghaoidc.core.internal;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.token.IdTokenSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** Turns the builder's options plus the environment into a validated exchange configuration. */
public final class ProviderAssembly {

    private ProviderAssembly() {
    }

    /** The builder's raw options; {@code null} means "not set". */
    public static final class Options {
        public String roleArn;
        public String sessionName;
        public Duration duration;
        public String audience;
        public Region region;
        public URI endpoint;
        public StsClient stsClient;
        public String sessionPolicy;
        public List<String> policyArns;
        public String chainedRoleArn;
        public Duration staleTime;
        public Duration prefetchTime;
        public Boolean asyncRefresh;
        public Set<String> allowedAccountIds;
        public Boolean verifyCallerIdentity;
        public Boolean githubLogMasking;
        public PrintStream maskOutput;
        public IdTokenSource tokenSource;
        public EnvironmentSource environment;
        public Integer maxAttempts;
        public Duration attemptTimeout;
        public Duration overallTimeout;
        public Clock clock;

        public Options copy() {
            Options c = new Options();
            c.roleArn = roleArn;
            c.sessionName = sessionName;
            c.duration = duration;
            c.audience = audience;
            c.region = region;
            c.endpoint = endpoint;
            c.stsClient = stsClient;
            c.sessionPolicy = sessionPolicy;
            c.policyArns = policyArns;
            c.chainedRoleArn = chainedRoleArn;
            c.staleTime = staleTime;
            c.prefetchTime = prefetchTime;
            c.asyncRefresh = asyncRefresh;
            c.allowedAccountIds = allowedAccountIds;
            c.verifyCallerIdentity = verifyCallerIdentity;
            c.githubLogMasking = githubLogMasking;
            c.maskOutput = maskOutput;
            c.tokenSource = tokenSource;
            c.environment = environment;
            c.maxAttempts = maxAttempts;
            c.attemptTimeout = attemptTimeout;
            c.overallTimeout = overallTimeout;
            c.clock = clock;
            return c;
        }
    }

    /** The outcome: the configuration, cache timings, the STS client holder, and any deferred problem. */
    public record Resolved(ExchangeConfig config, Duration staleTime, Duration prefetchTime, boolean asyncRefresh,
                           StsClientHolder sts, String configurationError) {
    }

    public static Resolved resolve(Options o) {
        Settings s = new Settings(o.environment == null ? EnvironmentSource.system() : o.environment);
        String roleArn = s.resolve(o.roleArn == null ? null : StsLimits.roleArn(o.roleArn, "roleArn"),
                Settings.ROLE_ARN, v -> StsLimits.roleArn(v, Settings.ROLE_ARN.environmentVariable()), null);
        if (roleArn == null && s.lookup(Settings.ROLE_ARN).isEmpty()) {
            s.defer("no role to assume: set " + Settings.ROLE_ARN + " or pass roleArn(...)");
        }
        String sessionName = s.resolve(o.sessionName == null ? null : StsLimits.sessionName(o.sessionName),
                Settings.SESSION_NAME, StsLimits::sessionName, SessionNames.fromEnvironment(s.environment()));
        int duration = s.resolve(o.duration == null ? null : StsLimits.durationSeconds(o.duration), Settings.DURATION,
                v -> StsLimits.durationSeconds(Duration.ofSeconds(Long.parseLong(v))), 3600);
        String chained = o.chainedRoleArn == null ? null : StsLimits.roleArn(o.chainedRoleArn, "chainedRoleArn");
        if (chained != null && duration > StsLimits.MAX_CHAINED_DURATION_SECONDS) {
            throw new GitHubOidcException("role chaining caps sessions at " + StsLimits.MAX_CHAINED_DURATION_SECONDS
                    + " s; set sessionDuration to at most 1 h, got " + duration + " s");
        }
        Region region = s.resolve(o.region, Settings.REGION, Region::of,
                s.resolve(null, Settings.DEFAULT_REGION, Region::of, null));
        String audience = s.resolve(o.audience == null ? null : nonBlank(o.audience, "audience"), Settings.AUDIENCE,
                v -> v, region != null && region.id().startsWith("cn-") ? "sts.amazonaws.com.cn" : "sts.amazonaws.com");
        if (o.sessionPolicy != null) {
            StsLimits.sessionPolicy(o.sessionPolicy);
        }
        List<String> policyArns = o.policyArns == null ? List.of() : o.policyArns;
        StsLimits.policyArns(policyArns);
        Set<String> accounts = o.allowedAccountIds == null ? Set.of() : o.allowedAccountIds;
        StsLimits.accountIds(accounts);
        Duration stale = nonNegative(o.staleTime, Duration.ofMinutes(1), "staleTime");
        Duration prefetch = nonNegative(o.prefetchTime, Duration.ofMinutes(5), "prefetchTime");
        if (prefetch.compareTo(stale) < 0) {
            throw new GitHubOidcException("prefetchTime (" + prefetch + ") must be at least staleTime (" + stale + ")");
        }
        int maxAttempts = o.maxAttempts == null ? 5 : o.maxAttempts;
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new GitHubOidcException("maxAttempts must be between 1 and 20, got " + maxAttempts);
        }
        Duration attemptTimeout = positive(o.attemptTimeout, Duration.ofSeconds(10), "attemptTimeout");
        Duration overallTimeout = positive(o.overallTimeout, Duration.ofSeconds(60), "overallTimeout");

        StsClientHolder sts;
        String endpoint;
        if (o.stsClient != null) {
            if (o.region != null || o.endpoint != null) {
                throw new GitHubOidcException("region and stsEndpoint configure the STS client the provider creates; "
                        + "with stsClient(...) configure that client instead");
            }
            sts = StsClientHolder.borrowed(o.stsClient);
            endpoint = "of the given StsClient";
        } else {
            URI uri = s.resolve(o.endpoint == null ? null : endpoint(o.endpoint.toString()), Settings.ENDPOINT_STS,
                    ProviderAssembly::endpoint, s.resolve(null, Settings.ENDPOINT, ProviderAssembly::endpoint, null));
            if (region == null) {
                s.defer("no AWS region: set " + Settings.REGION + ", AWS_DEFAULT_REGION or pass region(...)");
            }
            sts = StsClientHolder.owned(region, uri);
            endpoint = uri != null ? uri.toString() : region == null ? "(no region)" : "of region " + region.id();
        }
        Clock clock = o.clock == null ? Clock.systemUTC() : o.clock;
        IdTokenSource tokenSource = o.tokenSource != null ? o.tokenSource : TokenSources.fromEnvironment(s, clock);
        MaskEmitter mask = Boolean.TRUE.equals(o.githubLogMasking)
                ? new MaskEmitter(o.maskOutput == null ? System.out : o.maskOutput) : null;
        ExchangeConfig config = new ExchangeConfig(roleArn, sessionName, duration, audience, o.sessionPolicy,
                policyArns, chained, accounts, Boolean.TRUE.equals(o.verifyCallerIdentity), tokenSource, mask,
                maxAttempts, attemptTimeout, overallTimeout, clock,
                region == null ? null : region.id(), endpoint);
        return new Resolved(config, stale, prefetch, Boolean.TRUE.equals(o.asyncRefresh), sts, s.deferredProblems());
    }

    private static URI endpoint(String value) {
        URI uri = URI.create(value.trim());
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new GitHubOidcException("the STS endpoint must be an absolute http(s) URL, got: " + value);
        }
        return uri;
    }

    private static String nonBlank(String value, String name) {
        if (value.isBlank()) {
            throw new GitHubOidcException(name + " must not be blank");
        }
        return value.trim();
    }

    private static Duration nonNegative(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative()) {
            throw new GitHubOidcException(name + " must not be negative, got " + value);
        }
        return value;
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new GitHubOidcException(name + " must be positive, got " + value);
        }
        return value == null ? fallback : value;
    }
}
