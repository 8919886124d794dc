package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.issuer.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Asks a running emulator to mint a token through {@code POST /_admin/mint}. */
final class MintClient {

    private MintClient() {
    }

    static String mint(String baseUrl, Map<String, Object> context, String audience) {
        URI uri;
        try {
            uri = URI.create(baseUrl.replaceAll("/+$", "") + "/_admin/mint");
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http URL");
            }
        } catch (IllegalArgumentException e) {
            throw new EmulatorException("--url must be the base URL of 'gha-oidc serve' like http://127.0.0.1:8080, got: '"
                    + baseUrl + "'", e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (context != null) {
            body.put("context", context);
        }
        if (audience != null) {
            body.put("audience", audience);
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure("cannot reach " + baseUrl + ": " + reason(e) + "; is 'gha-oidc serve' running at "
                    + baseUrl + "?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted while asking " + baseUrl, e);
        }
        JsonNode json;
        try {
            json = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new CliFailure(baseUrl + " answered HTTP " + response.statusCode()
                    + " without JSON; is it a gha-oidc server?", e);
        }
        if (response.statusCode() == 400) {
            throw new EmulatorException(baseUrl + " refused the request: " + json.path("message").asText());
        }
        if (response.statusCode() != 200 || !json.path("value").isTextual()) {
            throw new CliFailure(baseUrl + " answered HTTP " + response.statusCode() + ": "
                    + json.path("message").asText("no token in the response"), null);
        }
        return json.get("value").asText();
    }

    /** Why a connection failed, in words (never a Java class name). */
    static String reason(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof java.net.UnknownHostException || e.getCause() instanceof java.nio.channels.UnresolvedAddressException) {
            return "unknown host";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() || m.matches("(?s).*\\b[a-z]+(\\.[a-z]+)+\\.[A-Z]\\w*.*") ? "connection failed" : m;
    }
}
