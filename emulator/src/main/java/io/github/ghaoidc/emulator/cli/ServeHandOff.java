package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.emulator.credentials.ContainerCredentialsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@code credentials serve} hands its variables on: {@code export} lines, an {@code --env-file}, an
 * {@code --auth-token-file}, and {@code $GITHUB_ENV} for later steps; and what it removes again on exit.
 */
final class ServeHandOff {

    static final String FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    static final String TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
    static final String TOKEN_FILE = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";

    private final Path envFile;
    private final Path tokenFile;
    private volatile String envFileContent;
    private volatile String tokenFileContent;

    ServeHandOff(Path envFile, Path tokenFile) {
        this.envFile = envFile;
        this.tokenFile = tokenFile;
    }

    /** The variables a tool needs, writing the token file first when one is asked for. */
    Map<String, String> variables(ContainerCredentialsServer server) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(FULL_URI, server.defaultUrl());
        if (tokenFile != null) {
            tokenFileContent = server.authorizationToken();
            EnvFile.write(tokenFile, tokenFileContent);
            variables.put(TOKEN_FILE, tokenFile.toAbsolutePath().toString());
        } else {
            variables.put(TOKEN, server.authorizationToken());
        }
        return variables;
    }

    String exportLines(Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        variables.forEach((name, value) -> out.append("export ").append(name).append('=').append(EnvFile.quote(value))
                .append('\n'));
        return out.toString();
    }

    void writeEnvFile(String exports) {
        if (envFile != null) {
            EnvFile.write(envFile, exports);
            envFileContent = exports;
        }
    }

    /** Appends {@code NAME=value} lines to the file named by {@code GITHUB_ENV}, as a step hands variables on. */
    void appendGitHubEnv(EnvironmentSource environment, Map<String, String> variables) {
        String path = environment.environmentVariable("GITHUB_ENV").filter(p -> !p.isBlank()).orElseThrow(() ->
                new CliException("--github-env: GITHUB_ENV is not set; it is set inside a GitHub Actions step (outside "
                        + "one, use --env-file PATH)"));
        StringBuilder lines = new StringBuilder();
        variables.forEach((name, value) -> {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new CliException("--github-env: " + name + " holds a line break, which GITHUB_ENV cannot carry");
            }
            lines.append(name).append('=').append(value).append('\n');
        });
        try {
            Files.writeString(Path.of(path), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new CliException("--github-env: cannot append to GITHUB_ENV (" + path + "): " + e.getMessage(), e);
        }
    }

    /** Removes what this server wrote that still holds its content. Runs while the process stops; never throws. */
    void remove() {
        if (envFile != null && envFileContent != null) {
            EnvFile.removeIfOurs(envFile, envFileContent);
        }
        if (tokenFile != null && tokenFileContent != null) {
            EnvFile.removeIfOurs(tokenFile, tokenFileContent);
        }
    }
}
