package io.github.ghaoidc.core.internal;

import java.nio.file.Path;
import java.time.Clock;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.token.GitHubActionsIdTokenSource;
import io.github.ghaoidc.core.token.IdTokenSource;
import io.github.ghaoidc.core.token.internal.FileIdTokenSource;

/** Picks the ID-token source from the environment: a token file, else the GitHub Actions runtime endpoint. */
final class TokenSources {

    static final String NO_ACTIONS_TOKEN = "ACTIONS_ID_TOKEN_REQUEST_URL is not set: add `permissions: id-token: write` "
            + "to the job (outside GitHub Actions, set AWS_WEB_IDENTITY_TOKEN_FILE or pass tokenSource(...))";

    private TokenSources() {
    }

    static IdTokenSource fromEnvironment(Settings s, Clock clock) {
        var file = s.lookup(Settings.TOKEN_FILE);
        if (file.isPresent()) {
            return new FileIdTokenSource(Path.of(file.get()), Settings.TOKEN_FILE.toString());
        }
        var url = s.lookup(Settings.REQUEST_URL);
        if (url.isEmpty()) {
            s.defer(NO_ACTIONS_TOKEN);
            return Unavailable.INSTANCE;
        }
        var token = s.lookup(Settings.REQUEST_TOKEN);
        if (token.isEmpty()) {
            s.defer("ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set while ACTIONS_ID_TOKEN_REQUEST_URL is: add "
                    + "`permissions: id-token: write` to the job so the runner provides both");
            return Unavailable.INSTANCE;
        }
        try {
            return GitHubActionsIdTokenSource.builder().requestUrl(url.get()).requestToken(token.get())
                    .clock(clock).build();
        } catch (GitHubOidcException e) {
            s.defer(e.getMessage());
            return Unavailable.INSTANCE;
        }
    }

    /** Stands in when no source could be configured; the provider reports why before ever calling it. */
    enum Unavailable implements IdTokenSource {
        INSTANCE;

        @Override
        public String fetch(String audience) {
            throw new GitHubOidcException(NO_ACTIONS_TOKEN);
        }

        @Override
        public String toString() {
            return "(none configured)";
        }
    }
}
