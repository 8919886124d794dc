package io.github.ghaoidc.emulator.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Renders credentials as credential_process JSON or shell export lines. */
final class CredentialsOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CredentialsOutput() {
    }

    /** {@code {"Version":1,"AccessKeyId":…,"SecretAccessKey":…,"SessionToken":…,"Expiration":"<ISO-8601>"}}. */
    static String json(AwsCredentials credentials) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Version", 1);
        body.put("AccessKeyId", credentials.accessKeyId());
        body.put("SecretAccessKey", credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            body.put("SessionToken", session.sessionToken());
        }
        credentials.expirationTime().ifPresent(expiration -> body.put("Expiration", expiration.toString()));
        try {
            return JSON.writeValueAsString(body) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render credentials as JSON", e);
        }
    }

    /** {@code export AWS_ACCESS_KEY_ID=…} lines for {@code eval}. */
    static String env(AwsCredentials credentials) {
        StringBuilder out = new StringBuilder();
        line(out, "AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        line(out, "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            line(out, "AWS_SESSION_TOKEN", session.sessionToken());
        }
        credentials.expirationTime().ifPresent(expiration -> line(out, "AWS_CREDENTIAL_EXPIRATION", expiration.toString()));
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        String shellSafe = value.matches("[A-Za-z0-9+/=._:-]*") ? value : "'" + value.replace("'", "'\\''") + "'";
        out.append("export ").append(name).append('=').append(shellSafe).append(System.lineSeparator());
    }
}
