package io.github.ghaoidc.core.trust.source;

import java.util.Objects;

/**
 * Where an element of a policy was written: a file and a 1-based line and column ({@code 0} when not known).
 *
 * @param file the file as it was named when read
 * @param line 1-based line
 * @param column 1-based column, or 0
 */
public record SourceLocation(String file, int line, int column) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** {@code main.tf:27}, or {@code policy.json:1:88} when the column is known and the line holds more. */
    @Override
    public String toString() {
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
