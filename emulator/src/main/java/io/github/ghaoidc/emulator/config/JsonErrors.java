package io.github.ghaoidc.emulator.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.github.ghaoidc.core.internal.JsonReadProblems;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions into one-line messages naming the field and what is allowed. */
final class JsonErrors {

    private JsonErrors() {
    }

    static ConfigException describe(String source, JsonProcessingException e) {
        return new ConfigException(source + ": " + message(e), e);
    }

    static String message(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String allowed = new TreeSet<>(u.getKnownPropertyIds().stream().map(String::valueOf).toList()).stream()
                    .collect(Collectors.joining(", "));
            return "unknown field '" + path(u.getPath()) + "'; allowed here: " + allowed;
        }
        if (e instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
            return "field '" + path(f.getPath()) + "' must be " + typeName(f.getTargetType()) + ", got: " + shown(f.getValue());
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return "field '" + path(m.getPath()) + "' must be " + typeName(m.getTargetType()) + got(m);
        }
        if (e instanceof MismatchedInputException) {
            return "expected a JSON object";
        }
        if (e instanceof DatabindException d && d.getCause() instanceof IllegalArgumentException iae) {
            return iae.getMessage();
        }
        JsonProcessingException read = JsonReadProblems.readProblem(e);
        if (read != null) {
            if (e instanceof JsonMappingException d && !d.getPath().isEmpty()) {
                return "field '" + path(d.getPath()) + "': " + JsonReadProblems.describe(read);
            }
            return "not valid JSON" + JsonReadProblems.where(read) + ": " + JsonReadProblems.what(read);
        }
        return "unexpected value" + (e instanceof JsonMappingException d && !d.getPath().isEmpty()
                ? " in field '" + path(d.getPath()) + "'" : "") + ": " + JsonReadProblems.describe(e);
    }

    /** What a JSON value is, in words: "an array", "a string", … ({@code null} node: "nothing"). */
    static String shape(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            case OBJECT -> "an object";
            default -> "something else";
        };
    }

    /** ", got: VALUE" for the token the reader stopped at, or "" when it cannot tell. */
    private static String got(MismatchedInputException m) {
        if (!(m.getProcessor() instanceof JsonParser p) || p.currentToken() == null) {
            return "";
        }
        try {
            return switch (p.currentToken()) {
                case VALUE_STRING -> ", got: '" + p.getText() + "'";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> ", got: " + p.getText();
                case START_ARRAY -> ", got: an array";
                case START_OBJECT -> ", got: an object";
                default -> "";
            };
        } catch (java.io.IOException | RuntimeException ignored) {
            return "";
        }
    }

    private static String shown(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a JSON object";
    }
}
