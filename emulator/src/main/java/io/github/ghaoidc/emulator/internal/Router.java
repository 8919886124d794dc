package io.github.ghaoidc.emulator.internal;

import io.github.ghaoidc.emulator.issuer.internal.JobRegistry;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The one handler of the emulator's Undertow server: discovery and JWKS from pre-serialised bytes, the
 * runtime token endpoint, the admin API under {@code /_admin/}, and an optional AWS Query handler for
 * {@code POST /}. It answers as soon as the port is bound: only JWKS, token and AWS requests wait (on a worker)
 * for a signing key that is still being generated. Not API.
 */
public final class Router implements HttpHandler {

    /** Reserved prefix of the admin API. */
    public static final String ADMIN_PREFIX = "/_admin/";

    private final String discoveryPath;
    private final byte[] discovery;
    private final Set<String> jwksPaths;
    private final CompletableFuture<SigningKeys> keys;
    private final HttpHandler runtime;
    private final HttpHandler admin;
    private final HttpHandler aws;

    public Router(String discoveryPath, byte[] discovery, Set<String> jwksPaths, CompletableFuture<SigningKeys> keys,
                  HttpHandler runtime, HttpHandler admin, HttpHandler aws) {
        this.discoveryPath = discoveryPath;
        this.discovery = discovery;
        this.jwksPaths = Set.copyOf(jwksPaths);
        this.keys = keys;
        this.runtime = runtime;
        this.admin = admin;
        this.aws = aws;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRelativePath();
        boolean get = Methods.GET.equals(exchange.getRequestMethod());
        if (get && path.equals(discoveryPath)) {
            Responses.json(exchange, 200, discovery);
        } else if (get && jwksPaths.contains(path)) {
            if (!keys.isDone() && exchange.isInIoThread()) {
                exchange.dispatch(this); // the signing key is still being generated: wait off the IO thread
                return;
            }
            Responses.json(exchange, 200, keys.join().jwksBytes());
        } else if (path.startsWith(JobRegistry.RUNTIME_PREFIX)) {
            if (!keys.isDone() && exchange.isInIoThread()) {
                exchange.dispatch(this); // no signing key yet: wait for it off the IO thread
                return;
            }
            runtime.handleRequest(exchange);
        } else if (path.startsWith(ADMIN_PREFIX)) {
            admin.handleRequest(exchange);
        } else if (aws != null && path.equals("/") && Methods.POST.equals(exchange.getRequestMethod())) {
            if (!keys.isDone() && exchange.isInIoThread()) {
                exchange.dispatch(this); // STS verifies against our own keys: wait for them off the IO thread
                return;
            }
            aws.handleRequest(exchange);
        } else {
            Responses.error(exchange, 404, "no such endpoint: " + exchange.getRequestMethod() + " " + path);
        }
    }
}
