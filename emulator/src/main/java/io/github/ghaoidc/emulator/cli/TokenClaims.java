package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import io.github.ghaoidc.core.internal.JsonReadProblems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Claims from {@code --token} (decoded, not verified) or {@code --claims FILE}. */
final class TokenClaims {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String EXAMPLE = "{\"sub\":\"repo:o/r:ref:refs/heads/main\",\"aud\":\"sts.amazonaws.com\","
            + "\"iss\":\"https://token.actions.githubusercontent.com\"}";

    /** Largest claims file read: an ID token is at most 20,000 characters, so its claims are far smaller. */
    static final int MAX_CLAIMS_BYTES = 1024 * 1024;

    private TokenClaims() {
    }

    /** Decodes a JWT's claims WITHOUT verifying its signature; the token never appears in messages. */
    static Map<String, Object> decode(String token) {
        Map<String, Object> claims;
        try {
            JWT jwt = JWTParser.parse(token.trim());
            claims = jwt.getJWTClaimsSet().toJSONObject();
        } catch (ParseException | RuntimeException e) {
            throw new CliException("--token is not a JWT: expected header.payload.signature in base64url with a JSON "
                    + "claims payload");
        }
        return requireSubject(claims, "--token");
    }

    /** Reads a JSON object of claims from a file, pipe or device, at most {@link #MAX_CLAIMS_BYTES} bytes. */
    static Map<String, Object> read(Path file) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_CLAIMS_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException e) {
            throw new CliException(file + ": cannot read the claims (" + oneLine(e.getMessage()) + ")");
        }
        if (bytes.length > MAX_CLAIMS_BYTES) {
            throw new CliException(file + ": larger than the limit of " + MAX_CLAIMS_BYTES + " bytes (1 MiB) for a "
                    + "claims file; give the token's claims as one JSON object");
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new CliException(file + ": not a JSON object of claims (" + JsonReadProblems.describe(e) + ")");
        } catch (IOException e) {
            throw new CliException(file + ": cannot read the claims (" + oneLine(e.getMessage()) + ")");
        }
        return fromJson(node, file.toString());
    }

    /** Converts a JSON object of claims; anything else is refused. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> fromJson(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new CliException(where + ": claims must be a JSON object like " + EXAMPLE);
        }
        return requireSubject(JSON.convertValue(node, Map.class), where);
    }

    /** Refuses an object that is not a token's claims (a policy given by mistake): {@code sub} is required. */
    static Map<String, Object> requireSubject(Map<String, Object> claims, String where) {
        Object sub = claims.get("sub");
        if (sub instanceof String && !((String) sub).isEmpty()) {
            return claims;
        }
        List<String> missing = new ArrayList<>();
        for (String claim : List.of("iss", "aud")) {
            if (!claims.containsKey(claim)) {
                missing.add(claim);
            }
        }
        throw new CliException(where + ": not a token's claims: "
                + (sub == null ? "no \"sub\" claim" : "\"sub\" must be a non-empty string")
                + (missing.isEmpty() ? "" : " (also missing: " + String.join(", ", missing) + ")")
                + "; expected the decoded ID token payload, like " + EXAMPLE);
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
