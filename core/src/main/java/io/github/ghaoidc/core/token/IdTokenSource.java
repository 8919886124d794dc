package io.github.ghaoidc.core.token;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.token.internal.EnvironmentVariableIdTokenSource;
import io.github.ghaoidc.core.token.internal.FileIdTokenSource;
import io.github.ghaoidc.core.token.internal.FixedIdTokenSource;
import io.github.ghaoidc.core.token.internal.SupplierIdTokenSource;

/**
 * Where OIDC ID tokens (JWTs) come from. The credentials provider calls {@link #fetch(String)} right before
 * every STS call, so a source must return a fresh token each time it can. Implementations are thread-safe
 * and their {@code toString()} identifies them without revealing any token.
 */
@FunctionalInterface
public interface IdTokenSource {

    /**
     * Returns an ID token for the audience.
     *
     * @param audience the {@code aud} to ask for; sources that cannot choose the audience (a file, a
     *                 fixed string) ignore it
     * @throws io.github.ghaoidc.core.GitHubOidcException when no token can be had, saying why
     */
    String fetch(String audience);

    /**
     * The instant after which this source can hand out no new token (e.g. the GitHub Actions request
     * token's {@code exp}), or empty when unknown.
     */
    default Optional<Instant> usableUntil() {
        return Optional.empty();
    }

    /** The GitHub Actions runtime endpoint, with the given request URL and request token. */
    static GitHubActionsIdTokenSource gitHubActions(String requestUrl, String requestToken) {
        return GitHubActionsIdTokenSource.builder().requestUrl(requestUrl).requestToken(requestToken).build();
    }

    /** A token file re-read on every fetch (Kubernetes-style {@code AWS_WEB_IDENTITY_TOKEN_FILE}). */
    static IdTokenSource fromFile(Path file) {
        return new FileIdTokenSource(file);
    }

    /** An environment variable read on every fetch, through the given environment. */
    static IdTokenSource fromEnvironmentVariable(String name, EnvironmentSource environment) {
        return new EnvironmentVariableIdTokenSource(name, environment);
    }

    /** Always the same token: only for short-lived programs and tests (an ID token expires in minutes). */
    static IdTokenSource fixed(String token) {
        return new FixedIdTokenSource(token);
    }

    /** Any supplier, called on every fetch; it must be thread-safe. */
    static IdTokenSource fromSupplier(Supplier<String> supplier) {
        return new SupplierIdTokenSource(supplier);
    }
}
