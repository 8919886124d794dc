package io.github.ghaoidc.core.token.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.token.IdTokenSource;

/**
 * Reads the token from a file on every fetch, so a rotating file keeps working. A file that cannot be read is
 * a {@linkplain GitHubOidcException#isConfigurationError() configuration error}.
 */
public final class FileIdTokenSource implements IdTokenSource {

    private final Path file;
    private final String setting;

    /** A file given in code. */
    public FileIdTokenSource(Path file) {
        this(file, null);
    }

    /** A file named by {@code setting} (e.g. an environment variable), which errors tell the user to check. */
    public FileIdTokenSource(Path file, String setting) {
        this.file = Objects.requireNonNull(file, "file");
        this.setting = setting;
    }

    @Override
    public String fetch(String audience) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            throw GitHubOidcException.configuration("Cannot read the web identity token file " + file + ": "
                    + reason(e) + "; " + advice(), e);
        }
        if (token.isEmpty()) {
            throw GitHubOidcException.configuration("The web identity token file " + file + " is empty; " + advice(), null);
        }
        return token;
    }

    private String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (Files.isDirectory(file)) {
            return "it is a directory";
        }
        return e.getMessage() == null ? "I/O error" : "I/O error (" + e.getMessage() + ")";
    }

    private String advice() {
        return setting == null ? "it must be a readable file holding one JWT"
                : "check that " + setting + " names a readable file holding one JWT";
    }

    @Override
    public String toString() {
        return "FileIdTokenSource[file=" + file + "]";
    }
}
