package io.github.ghaoidc.core.token.internal;

import java.util.Objects;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.token.IdTokenSource;

/** Always returns the same token. */
public final class FixedIdTokenSource implements IdTokenSource {

    private final String token;

    public FixedIdTokenSource(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new GitHubOidcException("A fixed ID token must not be blank");
        }
        this.token = token.trim();
    }

    @Override
    public String fetch(String audience) {
        return token;
    }

    @Override
    public String toString() {
        return "FixedIdTokenSource";
    }
}
