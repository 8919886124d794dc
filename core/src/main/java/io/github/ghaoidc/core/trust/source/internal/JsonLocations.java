package io.github.ghaoidc.core.trust.source.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.ghaoidc.core.trust.internal.JsonPaths;
import io.github.ghaoidc.core.trust.source.SourceLocation;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each value of a JSON or YAML document starts, by JSON path written as the trust engine writes it
 * ({@code $.Statement[0].Condition.StringLike["a:b"]}), read with Jackson's streaming parser. Bounded: at most
 * {@value #MAX_ENTRIES} paths; a document that does not parse yields what was read before the problem (the readers
 * report the problem itself). Stateless.
 */
public final class JsonLocations {

    static final int MAX_ENTRIES = 100_000;
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private JsonLocations() {
    }

    /** The locations of a JSON document. */
    public static Map<String, SourceLocation> json(String text, String file) {
        return walk(JSON, text, file);
    }

    /** The locations of a YAML document (column 0: YAML values are located by line). */
    public static Map<String, SourceLocation> yaml(String text, String file) {
        return walk(YAML, text, file);
    }

    /**
     * The locations under {@code prefix} re-rooted at {@code $}: for a policy embedded in a template or plan.
     * {@code prefix} itself becomes {@code $}.
     */
    public static Map<String, SourceLocation> under(Map<String, SourceLocation> all, String prefix) {
        Map<String, SourceLocation> out = new LinkedHashMap<>();
        all.forEach((path, at) -> {
            if (path.equals(prefix)) {
                out.put("$", at);
            } else if (path.startsWith(prefix + ".") || path.startsWith(prefix + "[")) {
                out.put("$" + path.substring(prefix.length()), at);
            }
        });
        return out;
    }

    private static Map<String, SourceLocation> walk(JsonFactory factory, String text, String file) {
        Map<String, SourceLocation> out = new LinkedHashMap<>();
        Deque<String> paths = new ArrayDeque<>();
        Deque<int[]> indexes = new ArrayDeque<>();
        String pending = null;
        try (JsonParser p = factory.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null && out.size() < MAX_ENTRIES; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    pending = JsonPaths.member(paths.isEmpty() ? "$" : paths.peek(), p.currentName());
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    paths.pop();
                    indexes.pop();
                    continue;
                }
                String path;
                if (paths.isEmpty()) {
                    path = "$";
                } else if (indexes.peek()[0] >= 0) {
                    path = JsonPaths.index(paths.peek(), indexes.peek()[0]++);
                } else {
                    path = pending;
                }
                JsonLocation at = p.currentTokenLocation();
                out.putIfAbsent(path, new SourceLocation(file, at.getLineNr(), factory == JSON ? at.getColumnNr() : 0));
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    paths.push(path);
                    indexes.push(new int[] {t == JsonToken.START_ARRAY ? 0 : -1});
                }
            }
        } catch (IOException | RuntimeException e) {
            // the reader reports what is wrong with the document; the locations read so far still help
        }
        return out;
    }
}
