package io.github.ghaoidc.core.trust.internal;

import java.util.regex.Pattern;

/** Builds JSONPath-style locations: {@code $.Statement[0].Condition.StringLike["a:b"]}. */
public final class JsonPaths {
    public static final String ROOT = "$";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    public static String member(String parent, String name) {
        if (PLAIN.matcher(name).matches()) {
            return parent + "." + name;
        }
        return parent + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Quotes a value for an error message, truncated so hostile input cannot flood a log line. */
    public static String quote(String value) {
        String v = value.length() > 80 ? value.substring(0, 77) + "..." : value;
        return "\"" + v + "\"";
    }
}
