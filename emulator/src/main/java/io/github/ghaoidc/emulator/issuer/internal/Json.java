package io.github.ghaoidc.emulator.issuer.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The module's shared Jackson mapper (thread-safe once configured) and compact writing. Not API. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** Loads and initialises the serialisers once (called off the start-up path). */
    public static void warmUp() {
        bytes(java.util.Map.of("warm", java.util.List.of("up", 1L)));
    }

    /** Compact UTF-8 JSON of {@code value}; maps keep their iteration order. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
