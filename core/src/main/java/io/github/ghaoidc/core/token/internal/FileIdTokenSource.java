package io.github.ghaoidc.core.token.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.token.IdTokenSource;

/** Reads the token from a file on every fetch, so a rotating file keeps working. */
public final class FileIdTokenSource implements IdTokenSource {

    private final Path file;

    public FileIdTokenSource(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public String fetch(String audience) {
        String token;
        try {
            token = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            throw new GitHubOidcException("Cannot read the web identity token file " + file + ": "
                    + e.getClass().getSimpleName() + "; check AWS_WEB_IDENTITY_TOKEN_FILE points at a readable file", e);
        }
        if (token.isEmpty()) {
            throw new GitHubOidcException("The web identity token file " + file + " is empty; it must hold one JWT");
        }
        return token;
    }

    @Override
    public String toString() {
        return "FileIdTokenSource[file=" + file + "]";
    }
}
