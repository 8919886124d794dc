package io.github.ghaoidc.emulator.internal;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.function.Supplier;

/**
 * Asks its supplier for the real handler when the first request arrives, on a worker thread (building it may
 * load many classes, which must not stall an IO thread), so what no request has needed yet costs nothing at
 * start. Later requests go straight to the built handler, on the thread they arrive on. The supplier must return
 * the same handler every time and be thread-safe. Not API.
 */
public final class LazyHandler implements HttpHandler {

    private final Supplier<? extends HttpHandler> target;
    private volatile HttpHandler built;

    public LazyHandler(Supplier<? extends HttpHandler> target) {
        this.target = target;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HttpHandler h = built;
        if (h == null) {
            if (exchange.isInIoThread()) {
                exchange.dispatch(this);
                return;
            }
            h = target.get();
            built = h;
        }
        h.handleRequest(exchange); // once built, the handler decides itself where its work runs
    }
}
