package io.github.ghaoidc.emulator.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/**
 * The server's root handler: answers 503 until the real handler is set (the port is bound before the
 * issuer URL, which contains it, is known). Not API.
 */
public final class DeferredHandler implements HttpHandler {

    private volatile HttpHandler target;

    public void set(HttpHandler handler) {
        this.target = handler;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpHandler t = target;
        if (t == null) {
            Responses.error(exchange, 503, "emulator is starting");
        } else {
            t.handleRequest(exchange);
        }
    }
}
