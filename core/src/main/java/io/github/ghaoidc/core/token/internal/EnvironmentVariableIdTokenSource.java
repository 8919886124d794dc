package io.github.ghaoidc.core.token.internal;

import java.util.Objects;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.token.IdTokenSource;

/** Reads the token from an environment variable on every fetch. */
public final class EnvironmentVariableIdTokenSource implements IdTokenSource {

    private final String name;
    private final EnvironmentSource environment;

    public EnvironmentVariableIdTokenSource(String name, EnvironmentSource environment) {
        this.name = Objects.requireNonNull(name, "name");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String fetch(String audience) {
        return environment.environmentVariable(name).orElseThrow(() -> new GitHubOidcException(
                "The environment variable " + name + " holds no ID token; set it to a JWT"));
    }

    @Override
    public String toString() {
        return "EnvironmentVariableIdTokenSource[name=" + name + "]";
    }
}
