package io.github.ghaoidc.benchmarks;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The yardstick of the discovery/JWKS budget: a bare Undertow server (default settings, loopback) answering
 * every request with the same pre-serialised 1 KB JSON body from the IO thread. {@code bench/http-load.sh}
 * runs it under the same wrk load as the emulator, so the emulator's numbers can be read against what
 * Undertow itself does on the same machine at the same moment.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.github.ghaoidc.benchmarks.BareUndertow [PORT]</pre>
 */
public final class BareUndertow {

    private BareUndertow() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        byte[] body = ("{\"padding\":\"" + "x".repeat(1024 - 14) + "\"}").getBytes(StandardCharsets.UTF_8);
        ByteBuffer shared = ByteBuffer.allocateDirect(body.length).put(body).flip();
        Undertow server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setHandler(exchange -> {
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json; charset=utf-8");
                    exchange.getResponseSender().send(shared.duplicate());
                })
                .build();
        server.start();
        int bound = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        System.out.println("http://127.0.0.1:" + bound + "/");
        System.out.flush();
    }
}
