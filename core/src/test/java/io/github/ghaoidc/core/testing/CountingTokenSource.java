package io.github.ghaoidc.core.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.github.ghaoidc.core.token.IdTokenSource;

/** Hands out tokens from a supplier and remembers each one, to count fetches and check freshness. */
public final class CountingTokenSource implements IdTokenSource {

    private final Supplier<String> tokens;
    private final List<String> fetched = new CopyOnWriteArrayList<>();

    public CountingTokenSource(Supplier<String> tokens) {
        this.tokens = tokens;
    }

    public static CountingTokenSource subject(String sub) {
        return new CountingTokenSource(() -> TestTokens.idToken(sub));
    }

    @Override
    public String fetch(String audience) {
        String token = tokens.get();
        fetched.add(token);
        return token;
    }

    public List<String> fetched() {
        return fetched;
    }

    @Override
    public String toString() {
        return "CountingTokenSource";
    }
}
