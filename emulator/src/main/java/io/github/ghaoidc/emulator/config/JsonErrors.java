package io.github.ghaoidc.emulator.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
        if (e instanceof InvalidFormatException f) {
            return "field '" + path(f.getPath()) + "' must be " + typeName(f.getTargetType()) + ", got: " + f.getValue();
        }
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return "field '" + path(m.getPath()) + "' must be " + typeName(m.getTargetType());
        }
        if (e instanceof DatabindException d && d.getCause() instanceof IllegalArgumentException iae) {
            return iae.getMessage();
        }
        JsonLocation at = e.getLocation();
        return "not valid JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                + ": " + e.getOriginalMessage();
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
