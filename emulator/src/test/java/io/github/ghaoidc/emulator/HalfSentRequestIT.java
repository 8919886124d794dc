package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.internal.EmulatorSettings;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that send half a request (issue 12, D2): the emulator closes their connections once the request timeout
 * passes, so they cannot hold file descriptors for ever; a complete request is answered, and an idle kept-alive
 * connection is closed after the idle timeout. Timeouts are shortened here; the defaults are 20 s and 60 s.
 */
class HalfSentRequestIT {

    private static GitHubOidcEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = GitHubOidcEmulator.builder().aws(AwsEmulation.builder()).requestTimeout(Duration.ofSeconds(1))
                .idleTimeout(Duration.ofSeconds(2)).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Socket connect() throws Exception {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port());
        socket.setSoTimeout(15_000);
        return socket;
    }

    /** Reads until the server closes the connection; fails if it is still open after the socket's 15 s timeout. */
    private static String readUntilClosed(Socket socket) throws Exception {
        InputStream in = socket.getInputStream();
        StringBuilder got = new StringBuilder();
        try {
            for (int b = in.read(); b >= 0; b = in.read()) {
                got.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open for 15 s; received: " + got, e);
        } catch (java.net.SocketException e) {
            // reset by the server: closed as well
        }
        return got.toString();
    }

    @Test
    void halfSentHeadersAreClosed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /.well-known/jwks HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(readUntilClosed(socket)).doesNotContain("\"keys\"");
        }
    }

    @Test
    void halfSentBodyIsClosed() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: 100\r\n\r\nAction=GetCallerIdentity").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(readUntilClosed(socket)).doesNotContain("GetCallerIdentityResponse");
        }
    }

    @Test
    void aCompleteRequestIsAnsweredAndTheIdleConnectionClosedAfterwards() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /.well-known/jwks HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String received = readUntilClosed(socket);

            assertThat(received).startsWith("HTTP/1.1 200").contains("\"keys\"");
        }
    }

    @Test
    void theDefaultsAreTwentySecondsForARequestAndSixtyForAnIdleConnection() {
        EmulatorSettings defaults = new EmulatorSettings();

        assertThat(defaults.requestTimeout).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.idleTimeout).isEqualTo(Duration.ofSeconds(60));
    }
}
