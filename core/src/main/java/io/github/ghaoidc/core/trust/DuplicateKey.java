package io.github.ghaoidc.core.trust;

import java.util.Objects;

/**
 * A JSON member name that occurs more than once in the same object. Like Jackson's tree model and
 * (by assumption) IAM, the engine keeps the LAST occurrence and silently drops the earlier ones;
 * this record lets the validator and linter say so.
 *
 * @param path JSON path of the duplicated member, e.g. {@code $.Statement[0].Condition.StringEquals}
 * @param name the member name
 * @param occurrences how many times it occurs in its object (at least 2)
 */
public record DuplicateKey(String path, String name, int occurrences) {
    public DuplicateKey {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
    }
}
