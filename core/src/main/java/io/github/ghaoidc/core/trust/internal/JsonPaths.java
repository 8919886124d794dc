package io.github.ghaoidc.core.trust.internal;

/** Builds JSONPath-style locations: {@code $.Statement[0].Condition.StringLike["a:b"]}. */
public final class JsonPaths {
    public static final String ROOT = "$";

    private JsonPaths() {
    }

    public static String member(String parent, String name) {
        if (plain(name)) {
            return parent + "." + name;
        }
        return parent + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static boolean plain(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
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
