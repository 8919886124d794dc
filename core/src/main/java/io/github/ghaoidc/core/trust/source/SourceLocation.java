package io.github.ghaoidc.core.trust.source;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an element of a policy was written: a file and a 1-based line and column ({@code 0} when not known).
 *
 * @param file the file as it was named when read
 * @param line 1-based line
 * @param column 1-based column, or 0
 */
public record SourceLocation(String file, int line, int column) {

    private static final Pattern LEADING = Pattern.compile("^([^:\\s][^:]*):(\\d+)(?::(\\d+))?: ");

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /**
     * The location a message or origin starts with ({@code main.tf:14: …}, {@code policy.json:4:72: …}), or empty when
     * it starts with no file and line.
     */
    public static Optional<SourceLocation> leading(String text) {
        Matcher m = LEADING.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new SourceLocation(m.group(1), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }

    /** {@code main.tf:27}, or {@code policy.json:1:88} when the column is known and the line holds more. */
    @Override
    public String toString() {
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
