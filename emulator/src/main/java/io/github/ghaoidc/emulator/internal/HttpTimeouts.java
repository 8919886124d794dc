package io.github.ghaoidc.emulator.internal;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Time limits for a server that reads from untrusted clients: a request (headers and body) must arrive whole within
 * {@code requestTimeout}, or its connection is closed; a kept-alive connection with no request is closed after
 * {@code idleTimeout}. Without them a client that sends half a request holds its connection, and a file
 * descriptor, for ever. Undertow's request-parse timeout covers the headers; the body is covered by a deadline
 * set when the handler chain starts and cancelled when the request has been read.
 */
public final class HttpTimeouts {

    /** How long a request may take to arrive whole. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(20);
    /** How long a kept-alive connection may wait for its next request. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(HttpTimeouts.class);

    private HttpTimeouts() {
    }

    /** Sets the header-parse and keep-alive limits on {@code builder}. */
    public static Undertow.Builder apply(Undertow.Builder builder, Duration requestTimeout, Duration idleTimeout) {
        return builder.setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, millis(requestTimeout))
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, millis(idleTimeout));
    }

    /** {@code next}, with the connection closed if the request's body has not all arrived within {@code timeout}. */
    public static HttpHandler bodyDeadline(HttpHandler next, Duration timeout) {
        long millis = timeout.toMillis();
        return exchange -> {
            if (!exchange.isRequestComplete()) {
                XnioExecutor.Key key = exchange.getIoThread().executeAfter(() -> expire(exchange), millis,
                        TimeUnit.MILLISECONDS);
                exchange.addExchangeCompleteListener((ex, nextListener) -> {
                    key.remove();
                    nextListener.proceed();
                });
            }
            next.handleRequest(exchange);
        };
    }

    private static void expire(HttpServerExchange exchange) {
        if (!exchange.isRequestComplete()) {
            LOG.debug("request not complete in time, closing its connection [method={}, path={}]",
                    exchange.getRequestMethod(), exchange.getRequestPath());
            IoUtils.safeClose(exchange.getConnection());
        }
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
    }
}
