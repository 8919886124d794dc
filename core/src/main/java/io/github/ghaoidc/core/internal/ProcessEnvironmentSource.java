package io.github.ghaoidc.core.internal;

import java.util.Optional;

import io.github.ghaoidc.core.EnvironmentSource;

/** The running process's environment variables and system properties. */
public enum ProcessEnvironmentSource implements EnvironmentSource {
    INSTANCE;

    @Override
    public Optional<String> environmentVariable(String name) {
        return EnvironmentSource.nonBlank(System.getenv(name));
    }

    @Override
    public Optional<String> systemProperty(String name) {
        return EnvironmentSource.nonBlank(System.getProperty(name));
    }

    @Override
    public String toString() {
        return "EnvironmentSource.system()";
    }
}
