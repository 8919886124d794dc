package io.github.ghaoidc.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcException;

/**
 * Resolves settings with the precedence builder value → system property → environment variable → default.
 * A bad explicit value fails at once; a bad or missing value from the environment is recorded and reported
 * lazily (on first use), so a provider built from the environment can sit in a credentials chain.
 */
public final class Settings {

    /** A setting's names: the Java system property and the environment variable. */
    public record Names(String systemProperty, String environmentVariable) {
        @Override
        public String toString() {
            return environmentVariable + " (or -D" + systemProperty + ")";
        }
    }

    public static final Names ROLE_ARN = new Names("aws.roleArn", "AWS_ROLE_ARN");
    public static final Names SESSION_NAME = new Names("aws.roleSessionName", "AWS_ROLE_SESSION_NAME");
    public static final Names REGION = new Names("aws.region", "AWS_REGION");
    public static final Names DEFAULT_REGION = new Names("aws.defaultRegion", "AWS_DEFAULT_REGION");
    public static final Names ENDPOINT_STS = new Names("aws.endpointUrlSts", "AWS_ENDPOINT_URL_STS");
    public static final Names ENDPOINT = new Names("aws.endpointUrl", "AWS_ENDPOINT_URL");
    public static final Names TOKEN_FILE = new Names("aws.webIdentityTokenFile", "AWS_WEB_IDENTITY_TOKEN_FILE");
    public static final Names REQUEST_URL = new Names("ghaoidc.idTokenRequestUrl", "ACTIONS_ID_TOKEN_REQUEST_URL");
    public static final Names REQUEST_TOKEN = new Names("ghaoidc.idTokenRequestToken", "ACTIONS_ID_TOKEN_REQUEST_TOKEN");
    public static final Names AUDIENCE = new Names("ghaoidc.audience", "GHA_OIDC_AUDIENCE");
    public static final Names DURATION = new Names("ghaoidc.durationSeconds", "GHA_OIDC_DURATION_SECONDS");

    private final EnvironmentSource env;
    private final List<String> deferred = new ArrayList<>();

    public Settings(EnvironmentSource env) {
        this.env = env;
    }

    public EnvironmentSource environment() {
        return env;
    }

    /** The raw environment value of a setting. */
    public Optional<String> lookup(Names names) {
        return env.setting(names.systemProperty(), names.environmentVariable());
    }

    /**
     * The explicit value, validated (throws), else the environment value, validated (deferred on error),
     * else {@code fallback} (may be {@code null}).
     */
    public <T> T resolve(T explicit, Names names, Function<String, T> fromEnvironment, T fallback) {
        if (explicit != null) {
            return explicit;
        }
        Optional<String> raw = lookup(names);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return fromEnvironment.apply(raw.get());
        } catch (GitHubOidcException e) {
            defer("from " + names + ": " + e.getMessage());
            return fallback;
        } catch (RuntimeException e) {
            defer(names + " has an invalid value: " + e.getMessage());
            return fallback;
        }
    }

    /** Records a problem to report on first use. */
    public void defer(String problem) {
        deferred.add(problem);
    }

    /** All deferred problems in one message, or {@code null} when there are none. */
    public String deferredProblems() {
        if (deferred.isEmpty()) {
            return null;
        }
        return "GitHub OIDC credentials are not configured: " + String.join("; ", deferred);
    }
}
