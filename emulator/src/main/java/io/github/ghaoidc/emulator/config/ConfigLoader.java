package io.github.ghaoidc.emulator.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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

    static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
            throw new ConfigException(source + ": must be a JSON object with sections " + String.join(", ", SECTIONS));
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
            T value = STRICT.readValue(json, type);
            if (value == null) {
                throw new ConfigException(source + ": expected a JSON object, got null");
            }
            return value;
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
