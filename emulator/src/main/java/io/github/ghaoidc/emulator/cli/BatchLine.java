package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.internal.JsonReadProblems;
import java.io.IOException;

/**
 * One JSON Lines request, read with the streaming parser: the policy is kept as the exact text of the
 * line (so duplicate keys reach the engine as written, and identical policies share one parse), the
 * claims as a tree, other fields ignored.
 */
record BatchLine(String policyText, JsonNode claims, String issuer, String roleArn, String sessionName) {

    static BatchLine parse(String line) {
        try (JsonParser p = TokenClaims.JSON.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CliException("expected a JSON object with policy, claims, issuer, roleArn, sessionName");
            }
            String policy = null;
            JsonNode claims = null;
            String issuer = null;
            String roleArn = null;
            String sessionName = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "policy":
                        policy = policy(p, value, line);
                        break;
                    case "claims":
                        claims = p.readValueAsTree();
                        break;
                    case "issuer":
                        issuer = string(p, value, field);
                        break;
                    case "roleArn":
                        roleArn = string(p, value, field);
                        break;
                    case "sessionName":
                        sessionName = string(p, value, field);
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new CliException("unexpected content after the JSON object");
            }
            return new BatchLine(policy, claims, issuer, roleArn, sessionName);
        } catch (JsonProcessingException e) {
            throw new CliException("invalid JSON: " + JsonReadProblems.describe(e));
        } catch (IOException e) {
            throw new CliException("cannot read the line: " + e.getMessage());
        }
    }

    private static String policy(JsonParser p, JsonToken value, String line) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value != JsonToken.START_OBJECT) {
            throw new CliException("policy must be a JSON object or a JSON string holding one");
        }
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        int end = (int) p.currentTokenLocation().getCharOffset() + 1;
        return line.substring(start, end);
    }

    private static String string(JsonParser p, JsonToken value, String field) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new CliException(field + " must be a string");
        }
        return p.getText();
    }
}
