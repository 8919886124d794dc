package io.github.ghaoidc.emulator.internal;

import io.github.ghaoidc.emulator.RecordedRequest;
import io.undertow.server.Connectors;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.HeaderValues;
import io.undertow.util.ImmediatePooledByteBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSourceChannel;

/**
 * Records each request (method, path, query, headers, body) before handing it on. Up to {@link #BODY_LIMIT}
 * bytes of the body are read without blocking and put back, so the next handler reads the whole body as usual. While
 * recording is off requests are only counted and bodies are not touched. Not API.
 */
public final class RecordingHandler implements HttpHandler {

    /** Bytes of a body kept in a {@link RecordedRequest}. */
    public static final int BODY_LIMIT = 64 * 1024;

    private final RequestRecorder recorder;
    private final Clock clock;
    private final HttpHandler next;

    public RecordingHandler(RequestRecorder recorder, Clock clock, HttpHandler next) {
        this.recorder = recorder;
        this.clock = clock;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long seq = recorder.nextSequence();
        if (!recorder.enabled()) {
            next.handleRequest(exchange);
            return;
        }
        if (exchange.isRequestComplete() || HttpContinue.requiresContinueResponse(exchange.getRequestHeaders())) {
            record(exchange, seq, new byte[0], false);
            next.handleRequest(exchange);
            return;
        }
        BodyReader reader = new BodyReader(exchange, seq);
        if (reader.readAvailable()) {
            next.handleRequest(exchange);
        } else {
            StreamSourceChannel channel = reader.channel;
            channel.getReadSetter().set(ch -> {
                try {
                    if (reader.readAvailable()) {
                        ch.getReadSetter().set(null);
                        ch.suspendReads();
                        Connectors.executeRootHandler(next, exchange);
                    }
                } catch (IOException e) {
                    IoUtils.safeClose(ch);
                    exchange.endExchange();
                }
            });
            channel.resumeReads();
        }
    }

    /**
     * Reads the body from the request channel without blocking, up to {@link #BODY_LIMIT} bytes; once at the end
     * (or the limit), records it and puts the bytes back in front of whatever is left, as Undertow's
     * {@code RequestBufferingHandler} does.
     */
    private final class BodyReader {
        private final HttpServerExchange exchange;
        private final long seq;
        private final StreamSourceChannel channel;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final ByteBuffer buffer = ByteBuffer.allocate(8192);

        BodyReader(HttpServerExchange exchange, long seq) {
            this.exchange = exchange;
            this.seq = seq;
            this.channel = exchange.getRequestChannel();
        }

        /** {@code true} when the whole body (or the limit) has been read and put back. */
        boolean readAvailable() throws IOException {
            while (true) {
                buffer.clear();
                buffer.limit(Math.min(buffer.capacity(), BODY_LIMIT + 1 - body.size()));
                int r = channel.read(buffer);
                if (r == 0) {
                    return false;
                }
                if (r > 0) {
                    body.write(buffer.array(), 0, r);
                }
                if (r < 0 || body.size() > BODY_LIMIT) {
                    byte[] bytes = body.toByteArray();
                    record(exchange, seq, bytes, r >= 0);
                    Connectors.ungetRequestBytes(exchange, new ImmediatePooledByteBuffer(ByteBuffer.wrap(bytes)));
                    Connectors.resetRequestChannel(exchange);
                    return true;
                }
            }
        }
    }

    private void record(HttpServerExchange exchange, long seq, byte[] body, boolean truncated) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString(), new ArrayList<>(values));
        }
        String text = new String(body, 0, Math.min(body.length, BODY_LIMIT), StandardCharsets.UTF_8);
        recorder.add(RecordedRequest.of(seq, clock.instant(), exchange.getRequestMethod().toString(),
                exchange.getRequestPath(), exchange.getQueryString(), headers, text, truncated));
    }
}
