package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Map;

/** Claims from {@code --token} (decoded, not verified) or {@code --claims FILE}. */
final class TokenClaims {

    static final ObjectMapper JSON = new ObjectMapper();

    private TokenClaims() {
    }

    /** Decodes a JWT's claims WITHOUT verifying its signature; the token never appears in messages. */
    static Map<String, Object> decode(String token) {
        try {
            JWT jwt = JWTParser.parse(token.trim());
            return jwt.getJWTClaimsSet().toJSONObject();
        } catch (ParseException | RuntimeException e) {
            throw new CliException("--token is not a JWT: expected header.payload.signature in base64url with a JSON "
                    + "claims payload");
        }
    }

    /** Reads a JSON object of claims from a file. */
    static Map<String, Object> read(Path file) {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException e) {
            throw new CliException(file + ": not a JSON object of claims (" + oneLine(e.getMessage()) + ")");
        }
        return fromJson(node, file.toString());
    }

    /** Converts a JSON object of claims; anything else is refused. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fromJson(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new CliException(where + ": claims must be a JSON object like {\"sub\":\"repo:o/r:ref:refs/heads/main\",\"aud\":\"sts.amazonaws.com\"}");
        }
        return JSON.convertValue(node, Map.class);
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.replaceAll("\\s*\\((?:start marker )?at \\[Source:[^\\]]*\\][^)]*\\)", "")
                .replaceAll("\\s*at \\[Source:[^\\]]*\\]", "")
                .replaceAll("\\s+", " ").trim();
    }
}
