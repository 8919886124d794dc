package io.github.ghaoidc.emulator.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.ghaoidc.emulator.config.internal.ConfigApplier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the emulator's JSON config file strictly: unknown sections and fields, wrong types and bad values
 * are errors naming the field and what is allowed. Thread-safe.
 */
public final class ConfigLoader {

    /** The allowed top-level sections, in documentation order. */
    public static final List<String> SECTIONS = List.of("server", "issuer", "tokens", "keys", "defaultJob", "jobs",
            "aws", "providers", "roles");

    /**
     * Strict reading for the config file and admin bodies: no unknown fields, no trailing data, and no scalar
     * coercion ({@code "audience": 5} is not the string "5", {@code "port": "80"} not a number, 1.5 not 1).
     */
    static final ObjectMapper STRICT = strictMapper();

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (LogicalType type : List.of(LogicalType.Textual, LogicalType.Integer, LogicalType.Boolean, LogicalType.Enum)) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual || type == LogicalType.Enum
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return mapper;
    }

    private ConfigLoader() {
    }

    /**
     * @throws ConfigException when the file cannot be read or is not a valid configuration
     */
    public static EmulatorConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, "config file " + file, file.toAbsolutePath().getParent());
    }

    /** Parses configuration JSON; {@code source} names it in messages; files resolve from the working dir. */
    public static EmulatorConfig parse(String json, String source) {
        return parse(json, source, null);
    }

    /** Parses configuration JSON; relative file names (trust policy files) resolve against {@code baseDir}. */
    public static EmulatorConfig parse(String json, String source, Path baseDir) {
        JsonNode root;
        try {
            root = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonErrors.describe(source, e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source + ": expected a JSON object with sections " + String.join(", ", SECTIONS)
                    + ", got " + JsonErrors.shape(root));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SECTIONS.contains(name)) {
                throw new ConfigException(source + ": unknown section '" + name + "'; allowed: " + String.join(", ", SECTIONS));
            }
        }
        EmulatorConfig config;
        try {
            config = STRICT.treeToValue(root, EmulatorConfig.class);
        } catch (JsonProcessingException e) {
            throw JsonErrors.describe(source, e);
        }
        validate(config, source, baseDir);
        return config;
    }

    /** Reads one JSON body (admin API) into {@code type} with the same strictness. */
    public static <T> T read(String json, Class<T> type, String source) {
        try {
            JsonNode node = STRICT.readTree(json);
            if (node == null || !node.isObject()) {
                throw new ConfigException(source + ": expected a JSON object, got " + JsonErrors.shape(node));
            }
            return STRICT.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw JsonErrors.describe(source, e);
        }
    }

    private static void validate(EmulatorConfig c, String source, Path baseDir) {
        try {
            new ConfigApplier(c, baseDir).validate();
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage(), e);
        }
    }
}
