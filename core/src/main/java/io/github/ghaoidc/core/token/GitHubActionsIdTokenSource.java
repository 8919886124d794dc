package io.github.ghaoidc.core.token;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.token.internal.JwtPeek;
import io.github.ghaoidc.core.token.internal.TokenEndpointClient;
import io.github.ghaoidc.core.token.internal.TokenRequestUrls;
import software.amazon.awssdk.utils.builder.CopyableBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * Fetches ID tokens from the GitHub Actions runtime endpoint ({@code ACTIONS_ID_TOKEN_REQUEST_URL}) the way
 * {@code @actions/core} does: {@code GET <url>&audience=<urlencoded>} ({@code ?} when the URL has no query),
 * {@code Authorization: Bearer <request token>}, {@code Accept: application/json}, reading {@code value}
 * from the JSON response. HTTP 502/503/504 and I/O failures are retried with capped, jittered exponential
 * backoff; other statuses fail at once with a message naming the likely cause. Redirects are never
 * followed, so the request token goes only to the configured host. https is required except for loopback.
 *
 * <p>Immutable and thread-safe. {@code toString()} names the host only.
 */
public final class GitHubActionsIdTokenSource implements IdTokenSource,
        ToCopyableBuilder<GitHubActionsIdTokenSource.Builder, GitHubActionsIdTokenSource> {

    /** The User-Agent sent by default. */
    public static final String DEFAULT_USER_AGENT = "actions/oidc-client gha-oidc";

    private final URI requestUrl;
    private final String requestToken;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final Duration overallTimeout;
    private final Instant requestTokenExpiry;
    private final Clock clock;
    private final TokenEndpointClient client;

    private GitHubActionsIdTokenSource(Builder b) {
        if (b.requestUrl == null) {
            throw new GitHubOidcException("ACTIONS_ID_TOKEN_REQUEST_URL is not set: add `permissions: id-token: write` "
                    + "to the job (or workflow) so the runner provides it");
        }
        if (b.requestToken == null || b.requestToken.isBlank()) {
            throw new GitHubOidcException("ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set: add `permissions: id-token: write` "
                    + "to the job (or workflow) so the runner provides it");
        }
        this.requestUrl = TokenRequestUrls.validate(b.requestUrl);
        this.requestToken = b.requestToken.trim();
        this.userAgent = b.userAgent == null ? DEFAULT_USER_AGENT : b.userAgent;
        this.connectTimeout = positive(b.connectTimeout, Duration.ofSeconds(5), "connectTimeout");
        this.readTimeout = positive(b.readTimeout, Duration.ofSeconds(10), "readTimeout");
        this.overallTimeout = positive(b.overallTimeout, Duration.ofSeconds(60), "overallTimeout");
        this.maxAttempts = b.maxAttempts == null ? 5 : b.maxAttempts;
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new GitHubOidcException("maxAttempts must be between 1 and 20, got " + maxAttempts);
        }
        this.requestTokenExpiry = JwtPeek.expiry(requestToken).orElse(null);
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.client = new TokenEndpointClient(requestUrl, requestToken, userAgent, connectTimeout, readTimeout,
                maxAttempts, overallTimeout);
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new GitHubOidcException(name + " must be positive, got " + value);
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String fetch(String audience) {
        if (requestTokenExpiry != null && !clock.instant().isBefore(requestTokenExpiry)) {
            throw new GitHubOidcException("The job's ACTIONS_ID_TOKEN_REQUEST_TOKEN expired at " + requestTokenExpiry
                    + "; GitHub issues no ID token after that (it lives about as long as the job may run), "
                    + "so credentials cannot be refreshed any more");
        }
        return client.fetch(audience);
    }

    /** The request token's {@code exp} when it is a JWT (GitHub's is): no token can be fetched after it. */
    @Override
    public Optional<Instant> usableUntil() {
        return Optional.ofNullable(requestTokenExpiry);
    }

    /** The validated request URL (without audience). */
    public URI requestUrl() {
        return requestUrl;
    }

    @Override
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String toString() {
        return "GitHubActionsIdTokenSource[host=" + requestUrl.getHost() + "]";
    }

    /** Builder for {@link GitHubActionsIdTokenSource}. Not thread-safe. */
    public static final class Builder implements CopyableBuilder<Builder, GitHubActionsIdTokenSource> {
        private String requestUrl;
        private String requestToken;
        private String userAgent;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration overallTimeout;
        private Integer maxAttempts;
        private Clock clock;

        private Builder() {
        }

        private Builder(GitHubActionsIdTokenSource source) {
            this.requestUrl = source.requestUrl.toString();
            this.requestToken = source.requestToken;
            this.userAgent = source.userAgent;
            this.connectTimeout = source.connectTimeout;
            this.readTimeout = source.readTimeout;
            this.overallTimeout = source.overallTimeout;
            this.maxAttempts = source.maxAttempts;
            this.clock = source.clock;
        }

        /** The runner's {@code ACTIONS_ID_TOKEN_REQUEST_URL}. Required; https unless loopback. */
        public Builder requestUrl(String requestUrl) {
            this.requestUrl = requestUrl;
            return this;
        }

        /** The runner's {@code ACTIONS_ID_TOKEN_REQUEST_TOKEN}, sent as the bearer token. Required. Never printed. */
        public Builder requestToken(String requestToken) {
            this.requestToken = requestToken;
            return this;
        }

        /** The User-Agent header. Default {@value #DEFAULT_USER_AGENT}. */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /** TCP connect timeout per attempt. Default 5 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** Read timeout per attempt. Default 10 s. */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** Time budget for all attempts of one fetch, backoff included. Default 60 s. */
        public Builder overallTimeout(Duration overallTimeout) {
            this.overallTimeout = overallTimeout;
            return this;
        }

        /** Attempts per fetch (1–20) for 502/503/504 and I/O failures. Default 5. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The clock the request token's {@code exp} is checked against. Default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        @Override
        public GitHubActionsIdTokenSource build() {
            return new GitHubActionsIdTokenSource(this);
        }
    }
}
