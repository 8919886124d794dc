package io.github.ghaoidc.core.trust.source.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.ghaoidc.core.internal.JsonReadProblems;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/** Shared strict JSON reading for policy sources: duplicate keys and trailing content are errors. */
public final class Json {

    /** Strict mapper: thread-safe once configured. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** Lenient factory source (duplicates allowed), for looking at a document without judging it. */
    private static final ObjectMapper LENIENT = JsonMapper.builder().build();

    /** Parses {@code text} as one JSON value, or throws naming the source, line and column. */
    public static JsonNode parse(String text, String sourceName) {
        return parse(MAPPER, text, sourceName);
    }

    private static JsonNode parse(ObjectMapper mapper, String text, String sourceName) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new PolicySourceException(sourceName + ": empty document; expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new PolicySourceException(sourceName + ": invalid JSON" + JsonReadProblems.where(e) + ": "
                    + JsonReadProblems.what(e), e);
        }
    }

    /** The member names of the top-level object, read by streaming (values are skipped, not built). */
    public static Set<String> topLevelFields(String text, String sourceName) {
        try (JsonParser parser = LENIENT.getFactory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new PolicySourceException(sourceName + ": expected a JSON object");
            }
            Set<String> names = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                names.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
            while (parser.nextToken() != null) {
                // reach the end so that trailing garbage is reported here
            }
            return names;
        } catch (JsonProcessingException e) {
            throw new PolicySourceException(sourceName + ": invalid JSON" + JsonReadProblems.where(e) + ": "
                    + JsonReadProblems.what(e), e);
        } catch (IOException e) {
            throw new PolicySourceException(sourceName + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Serialises a tree back to compact JSON text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new PolicySourceException("cannot write the policy as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether the text's first significant character opens a JSON object. */
    static boolean looksLikeJsonObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

}
