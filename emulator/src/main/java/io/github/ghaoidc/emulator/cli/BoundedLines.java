package io.github.ghaoidc.emulator.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines of at most {@code maxBytes} bytes from a stream. A longer line is reported by its
 * length and skipped up to its newline, never held in memory, so a huge line cannot exhaust the heap; a line
 * still without a newline after {@code maxSkipBytes} (such as {@code /dev/zero}) ends the reading with
 * {@link EndlessLineException}, so an endless one cannot keep it busy forever. Not thread-safe; does not close
 * the stream.
 */
final class BoundedLines {

    /** One line: its text, or {@code null} when it was longer than the limit; {@code bytes} is its length. */
    record Line(String text, long bytes) {
        boolean tooLong() {
            return text == null;
        }
    }

    private final InputStream in;
    private final int maxBytes;
    private final long maxSkipBytes;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int position;
    private int end;

    BoundedLines(InputStream in, int maxBytes, long maxSkipBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.maxSkipBytes = maxSkipBytes;
    }

    /** A line had no newline within the skipping limit; nothing after it is read. */
    static final class EndlessLineException extends IOException {
        private static final long serialVersionUID = 1L;

        EndlessLineException(long bytes) {
            super("no newline within " + bytes + " bytes");
        }
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}), or {@code null} at the end. */
    Line next() throws IOException {
        line.reset();
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == end) {
                int read = in.read(buffer);
                position = 0;
                end = Math.max(read, 0);
                if (read < 0) {
                    return any ? finish(length) : null;
                }
            }
            any = true;
            int start = position;
            while (position < end && buffer[position] != '\n') {
                position++;
            }
            int count = position - start;
            if (length + count <= maxBytes) {
                line.write(buffer, start, count);
            }
            length += count;
            if (length > maxSkipBytes) {
                throw new EndlessLineException(maxSkipBytes);
            }
            if (position < end) {
                position++;
                return finish(length);
            }
        }
    }

    private Line finish(long length) {
        if (length > maxBytes) {
            return new Line(null, length);
        }
        byte[] bytes = line.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new Line(new String(bytes, 0, n, StandardCharsets.UTF_8), length);
    }
}
