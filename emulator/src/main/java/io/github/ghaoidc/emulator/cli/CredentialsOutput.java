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
        return env(credentials, false);
    }

    /**
     * {@code export} lines for {@code eval}; with {@code mask}, preceded by {@code echo '::add-mask::…'} lines for
     * the secret key and session token. Those are shell commands because the output is meant for {@code eval}
     * (a bare {@code ::add-mask::} line would be a failing command there): eval runs them, the runner reads the
     * mask commands from the step's stdout and hides both values in the job log from then on.
     */
    static String env(AwsCredentials credentials, boolean mask) {
        StringBuilder out = new StringBuilder();
        if (mask) {
            maskLine(out, credentials.secretAccessKey());
            if (credentials instanceof AwsSessionCredentials session) {
                maskLine(out, session.sessionToken());
            }
        }
        line(out, "AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        line(out, "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials instanceof AwsSessionCredentials session) {
            line(out, "AWS_SESSION_TOKEN", session.sessionToken());
        }
        credentials.expirationTime().ifPresent(expiration -> line(out, "AWS_CREDENTIAL_EXPIRATION", expiration.toString()));
        return out.toString();
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append("export ").append(name).append('=').append(shellSafe(value)).append(System.lineSeparator());
    }

    private static void maskLine(StringBuilder out, String value) {
        out.append("echo ").append(shellSafe("::add-mask::" + value)).append(System.lineSeparator());
    }

    private static String shellSafe(String value) {
        return value.matches("[A-Za-z0-9+/=._:-]*") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
