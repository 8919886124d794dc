package io.github.ghaoidc.emulator.aws;

import com.nimbusds.jose.jwk.JWKSet;
import io.undertow.Undertow;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.net.URI;

/** The AWS handler (and optionally a test issuer's discovery + JWKS) on 127.0.0.1, port 0. */
final class TestServer implements AutoCloseable {

    private final Undertow server;
    final URI endpoint;

    private TestServer(Undertow server) {
        this.server = server;
        this.server.start();
        InetSocketAddress address = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
        this.endpoint = URI.create("http://127.0.0.1:" + address.getPort());
    }

    static TestServer start(AwsEmulation aws) {
        return start(aws, null);
    }

    /** With {@code jwks}, also serves {@code /.well-known/openid-configuration} and {@code /jwks}. */
    static TestServer start(AwsEmulation aws, JWKSet jwks) {
        PathHandler paths = new PathHandler(aws.httpHandler());
        if (jwks != null) {
            paths.addExactPath("/.well-known/openid-configuration", exchange -> {
                String host = exchange.getHostAndPort();
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                exchange.getResponseSender().send("{\"issuer\":\"http://" + host + "\",\"jwks_uri\":\"http://" + host
                        + "/jwks\"}");
            });
            paths.addExactPath("/jwks", exchange -> {
                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                exchange.getResponseSender().send(jwks.toString(true));
            });
        }
        return new TestServer(Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(paths)
                .setIoThreads(2).setWorkerThreads(16).build());
    }

    @Override
    public void close() {
        server.stop();
    }
}
