package io.github.ghaoidc.emulator.issuer.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The module's compact JSON writing, and its shared Jackson mapper. Not API.
 *
 * <p>What the issuer serves (discovery, JWKS, token headers and payloads, error bodies) is maps, lists, strings,
 * numbers and booleans; those are streamed with jackson-core's generator, which gives the bytes
 * {@link ObjectMapper} would give without initialising databind, several hundred milliseconds of CPU on a cold
 * JVM that the first response of {@code serve} would otherwise wait for. Any other value goes to the mapper.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** The mapper, built on first use (config files, admin request bodies, the CLI's decoding). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper();
    }

    private Json() {
    }

    /** The shared mapper (thread-safe once configured; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    /** Loads and initialises the generator once (called off the start-up path). */
    public static void warmUp() {
        bytes(Map.of("warm", java.util.List.of("up", 1L, true)));
    }

    /** Compact UTF-8 JSON of {@code value}, as {@link ObjectMapper} writes it; maps keep their iteration order. */
    public static byte[] bytes(Object value) {
        if (!streamable(value)) {
            return viaMapper(value);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
        return out.toByteArray();
    }

    /** Whether the generator alone writes {@code value} exactly as the mapper would. */
    private static boolean streamable(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof BigDecimal
                || value instanceof BigInteger) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !streamable(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                if (!streamable(item)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer i) {
            g.writeNumber(i);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeStartArray();
            for (Object item : (Collection<?>) value) {
                write(g, item);
            }
            g.writeEndArray();
        }
    }

    private static byte[] viaMapper(Object value) {
        try {
            return mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
