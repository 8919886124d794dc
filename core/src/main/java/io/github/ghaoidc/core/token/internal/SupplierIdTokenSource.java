package io.github.ghaoidc.core.token.internal;

import java.util.Objects;
import java.util.function.Supplier;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.token.IdTokenSource;

/** Delegates to a supplier on every fetch. */
public final class SupplierIdTokenSource implements IdTokenSource {

    private final Supplier<String> supplier;

    public SupplierIdTokenSource(Supplier<String> supplier) {
        this.supplier = Objects.requireNonNull(supplier, "supplier");
    }

    @Override
    public String fetch(String audience) {
        String token = supplier.get();
        if (token == null || token.isBlank()) {
            throw new GitHubOidcException("The ID token supplier returned no token");
        }
        return token.trim();
    }

    @Override
    public String toString() {
        return "SupplierIdTokenSource";
    }
}
