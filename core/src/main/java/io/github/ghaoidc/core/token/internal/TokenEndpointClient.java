package io.github.ghaoidc.core.token.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.internal.RetryLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/** One GET per attempt to the runtime token endpoint, retried on 502/503/504 and I/O failures. */
public final class TokenEndpointClient {

    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpointClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;

    private final URI requestUrl;
    private final String requestToken;
    private final String userAgent;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final RetryLoop retryLoop;

    public TokenEndpointClient(URI requestUrl, String requestToken, String userAgent, Duration connectTimeout,
                               Duration readTimeout, int maxAttempts, Duration overallTimeout) {
        this.requestUrl = requestUrl;
        this.requestToken = requestToken;
        this.userAgent = userAgent;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        var strategy = DefaultRetryStrategy.standardStrategyBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(5)))
                .retryOnException(TokenEndpointClient::retryable)
                .circuitBreakerEnabled(false)
                .build();
        this.retryLoop = new RetryLoop(strategy, overallTimeout, RetryLoop.Sleeper.threadSleep());
    }

    static boolean retryable(Throwable failure) {
        return failure instanceof TransientEndpointException || failure instanceof UncheckedIOException;
    }

    public String fetch(String audience) {
        URI url = TokenRequestUrls.withAudience(requestUrl, audience);
        return retryLoop.run("github-oidc-token", remaining -> once(url, remaining), giveUp -> {
            RuntimeException last = giveUp.lastFailure();
            if (last instanceof GitHubOidcException) {
                return last;
            }
            String why = giveUp.deadlineReached() ? "the time budget ran out" : "no attempts were left";
            return new GitHubOidcException("The GitHub Actions token endpoint at " + requestUrl.getHost()
                    + " failed " + giveUp.attempts() + " time(s) and " + why + "; last failure: "
                    + last.getMessage(), last);
        });
    }

    private String once(URI url, Duration remaining) {
        HttpURLConnection connection;
        try {
            connection = (HttpURLConnection) url.toURL().openConnection();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + requestUrl.getHost() + ": " + e.getMessage(), e);
        }
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(millis(connectTimeout, remaining));
            connection.setReadTimeout(millis(readTimeout, remaining));
            connection.setRequestProperty("Authorization", "Bearer " + requestToken);
            connection.setRequestProperty("Accept", "application/json");
            connection.setRequestProperty("User-Agent", userAgent);
            int status = connection.getResponseCode();
            LOG.debug("Token endpoint answered [host={}, status={}]", requestUrl.getHost(), status);
            if (status == 200) {
                return valueOf(read(connection.getInputStream()));
            }
            String message = errorMessage(connection);
            connection.disconnect(); // error paths are rare: no connection reuse after them
            if (status == 502 || status == 503 || status == 504) {
                throw new TransientEndpointException("HTTP " + status + message);
            }
            throw new GitHubOidcException(TokenEndpointErrors.describe(status, requestUrl.getHost(),
                    connection.getHeaderField("Location"), message));
        } catch (IOException e) {
            connection.disconnect(); // a broken connection must not go back to the keep-alive cache
            throw new UncheckedIOException(e.getClass().getSimpleName() + " talking to " + requestUrl.getHost()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private static int millis(Duration perAttempt, Duration remaining) {
        long ms = Math.min(perAttempt.toMillis(), remaining.toMillis());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    private String valueOf(byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw new GitHubOidcException("The GitHub Actions token endpoint at " + requestUrl.getHost()
                    + " answered 200 with a body that is not JSON; expected {\"value\":\"<jwt>\"}");
        }
        JsonNode value = json == null ? null : json.get("value");
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new GitHubOidcException("The GitHub Actions token endpoint at " + requestUrl.getHost()
                    + " answered 200 without an ID token in `value`; expected {\"value\":\"<jwt>\"}");
        }
        return value.asText();
    }

    /** The JSON {@code message} of an error body (shortened, on one line), or "" when there is none. */
    private static String errorMessage(HttpURLConnection connection) {
        try (InputStream in = connection.getErrorStream()) {
            if (in == null) {
                return "";
            }
            JsonNode message = JSON.readTree(read(in)).get("message");
            if (message == null || !message.isTextual()) {
                return "";
            }
            String text = message.asText().replaceAll("\\s+", " ").trim();
            return " (" + (text.length() > 200 ? text.substring(0, 200) + "…" : text) + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new IOException("response body larger than " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    /** A failure worth retrying (HTTP 502/503/504). */
    static final class TransientEndpointException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TransientEndpointException(String message) {
            super(message);
        }
    }
}
