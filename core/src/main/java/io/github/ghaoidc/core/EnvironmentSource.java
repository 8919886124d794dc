package io.github.ghaoidc.core;

import java.util.Map;
import java.util.Optional;

import io.github.ghaoidc.core.internal.ProcessEnvironmentSource;

/**
 * Where settings are read from: environment variables and Java system properties. The default reads the
 * process; tests and embedders pass {@link #of(Map, Map)} so nobody has to mutate the process environment.
 * Blank values count as absent. Implementations must be thread-safe.
 */
public interface EnvironmentSource {

    /** The value of an environment variable, empty when unset or blank. */
    Optional<String> environmentVariable(String name);

    /** The value of a Java system property, empty when unset or blank. */
    Optional<String> systemProperty(String name);

    /** A setting: the system property if set, else the environment variable (the AWS SDK's precedence). */
    default Optional<String> setting(String systemProperty, String environmentVariable) {
        Optional<String> property = systemProperty(systemProperty);
        return property.isPresent() ? property : environmentVariable(environmentVariable);
    }

    /** Reads the running process: {@link System#getenv(String)} and {@link System#getProperty(String)}. */
    static EnvironmentSource system() {
        return ProcessEnvironmentSource.INSTANCE;
    }

    /** A fixed environment (copied): for tests, and for programs that assemble settings themselves. */
    static EnvironmentSource of(Map<String, String> environmentVariables, Map<String, String> systemProperties) {
        Map<String, String> env = Map.copyOf(environmentVariables);
        Map<String, String> props = Map.copyOf(systemProperties);
        return new EnvironmentSource() {
            @Override
            public Optional<String> environmentVariable(String name) {
                return nonBlank(env.get(name));
            }

            @Override
            public Optional<String> systemProperty(String name) {
                return nonBlank(props.get(name));
            }

            @Override
            public String toString() {
                return "EnvironmentSource.of(" + env.keySet() + ", " + props.keySet() + ")";
            }
        };
    }

    /** A fixed environment without system properties. */
    static EnvironmentSource of(Map<String, String> environmentVariables) {
        return of(environmentVariables, Map.of());
    }

    /** Empty for {@code null} or blank values, else the trimmed value. */
    static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
