package io.github.ghaoidc.emulator.internal;

import io.github.ghaoidc.emulator.issuer.internal.Json;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.util.Map;

/** Writing JSON answers, including GitHub-style {@code {"message": …}} errors. Not API. */
public final class Responses {

    private static final String JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    public static void json(HttpServerExchange exchange, int status, byte[] body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        exchange.getResponseSender().send(ByteBuffer.wrap(body));
    }

    public static void json(HttpServerExchange exchange, int status, Object body) {
        json(exchange, status, Json.bytes(body));
    }

    /** {@code {"message": message}}; the message must not contain secrets. */
    public static void error(HttpServerExchange exchange, int status, String message) {
        json(exchange, status, Json.bytes(Map.of("message", message)));
    }

    public static void noContent(HttpServerExchange exchange) {
        exchange.setStatusCode(204);
        exchange.endExchange();
    }
}
