package io.github.ghaoidc.core.trust.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.internal.JsonReadProblems;
import io.github.ghaoidc.core.trust.DuplicateKey;
import io.github.ghaoidc.core.trust.PolicyParseException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into a Jackson tree with Jackson's streaming API, so that duplicate member names
 * are seen (the tree keeps the last occurrence, as Jackson's own tree reader does) and hard limits
 * bound the work hostile input can cause.
 */
public final class JsonDocumentReader {
    /** Largest accepted document, in chars. IAM's own trust-policy quota is far lower (2048–8192). */
    public static final int MAX_DOCUMENT_CHARS = 256 * 1024;
    /** Deepest accepted nesting; a trust policy needs 5. */
    public static final int MAX_NESTING_DEPTH = 32;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxDocumentLength(MAX_DOCUMENT_CHARS)
                    .maxStringLength(MAX_DOCUMENT_CHARS)
                    .maxNumberLength(64)
                    .maxNameLength(MAX_DOCUMENT_CHARS)
                    .build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final Map<String, DuplicateKey> duplicates = new LinkedHashMap<>();

    private JsonDocumentReader() {
    }

    /** The tree and the duplicates found while reading it. */
    public record Result(JsonNode tree, List<DuplicateKey> duplicates) {
    }

    public static Result read(String text) {
        if (text == null) {
            throw new PolicyParseException(JsonPaths.ROOT, "no policy document (null)");
        }
        if (text.length() > MAX_DOCUMENT_CHARS) {
            throw new PolicyParseException(JsonPaths.ROOT, "document is " + text.length()
                    + " characters; at most " + MAX_DOCUMENT_CHARS + " are accepted");
        }
        if (text.isBlank()) {
            throw new PolicyParseException(JsonPaths.ROOT, "empty document; expected a JSON object");
        }
        JsonDocumentReader reader = new JsonDocumentReader();
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new PolicyParseException(JsonPaths.ROOT, "expected a JSON object, got " + describe(first));
            }
            JsonNode tree = reader.readValue(parser, JsonPaths.ROOT);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new PolicyParseException(JsonPaths.ROOT, "unexpected content after the JSON object at line "
                        + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr());
            }
            return new Result(tree, List.copyOf(reader.duplicates.values()));
        } catch (StreamConstraintsException e) {
            throw new PolicyParseException(JsonPaths.ROOT, "document exceeds a limit (nesting depth "
                    + MAX_NESTING_DEPTH + ", " + MAX_DOCUMENT_CHARS + " characters): " + JsonReadProblems.describe(e), e);
        } catch (JsonProcessingException e) {
            throw new PolicyParseException(JsonPaths.ROOT, "invalid JSON" + JsonReadProblems.where(e) + ": "
                    + JsonReadProblems.what(e), e);
        } catch (IOException e) {
            throw new PolicyParseException(JsonPaths.ROOT, "invalid JSON: " + e.getMessage(), e);
        }
    }

    private JsonNode readValue(JsonParser p, String path) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT:
                return readObject(p, path);
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(readValue(p, JsonPaths.index(path, i++)));
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new PolicyParseException(path, "unexpected JSON token " + t);
        }
    }

    private ObjectNode readObject(JsonParser p, String path) throws IOException {
        ObjectNode object = NODES.objectNode();
        Map<String, Integer> seen = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String child = JsonPaths.member(path, name);
            p.nextToken();
            JsonNode value = readValue(p, child);
            if (object.has(name)) {
                if (seen == null) {
                    seen = new HashMap<>();
                }
                int count = seen.merge(name, 2, (a, b) -> a + 1);
                duplicates.put(child, new DuplicateKey(child, name, count));
                object.remove(name); // re-insert so document order follows the kept (last) occurrence
            }
            object.set(name, value);
        }
        return object;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.toString();
        }
    }
}
