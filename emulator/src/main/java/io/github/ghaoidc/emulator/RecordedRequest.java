package io.github.ghaoidc.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One HTTP request the emulator received, as {@link GitHubOidcEmulator#takeRequest()} returns it (after OkHttp
 * MockWebServer's {@code RecordedRequest}). Immutable and thread-safe.
 *
 * <p>The accessors return exactly what the client sent, secrets included, so tests can check them.
 * {@link #toString()} redacts credential headers, {@code WebIdentityToken} values and anything shaped like a JWT.
 */
public final class RecordedRequest {

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-amz-security-token");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)((?:WebIdentityToken|Token|SecretAccessKey)=)[^&\\s\"]*");
    private static final int TO_STRING_BODY = 200;

    private final long sequenceNumber;
    private final Instant receivedAt;
    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final boolean bodyTruncated;

    private RecordedRequest(long sequenceNumber, Instant receivedAt, String method, String path, String query,
                            Map<String, List<String>> headers, String body, boolean bodyTruncated) {
        this.sequenceNumber = sequenceNumber;
        this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
        this.method = Objects.requireNonNull(method, "method");
        this.path = Objects.requireNonNull(path, "path");
        this.query = query == null ? "" : query;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(h);
        this.body = body == null ? "" : body;
        this.bodyTruncated = bodyTruncated;
    }

    /** Made by the server's recording handler. Not API. */
    public static RecordedRequest of(long sequenceNumber, Instant receivedAt, String method, String path, String query,
                                     Map<String, List<String>> headers, String body, boolean bodyTruncated) {
        return new RecordedRequest(sequenceNumber, receivedAt, method, path, query, headers, body, bodyTruncated);
    }

    /** 0 for the first request this emulator received, then 1, 2, … (dropped requests still use a number). */
    public long sequenceNumber() { return sequenceNumber; }
    /** When it arrived, by the emulator's {@code clock}. */
    public Instant receivedAt() { return receivedAt; }
    /** {@code GET}, {@code POST}, … */
    public String method() { return method; }
    /** The path without the query, e.g. {@code /_apis/jobs/default/idtoken}. */
    public String path() { return path; }
    /** The raw query string without {@code ?} (empty when none). */
    public String query() { return query; }

    /**
     * The decoded query parameters in order; pairs may be separated by {@code &} or a second {@code ?} (as some
     * clients append {@code ?audience=}).
     */
    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : query.split("[&?]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    /** The first value of query parameter {@code name}, or {@code null}. */
    public String queryParameter(String name) {
        List<String> values = queryParameters().get(name);
        return values == null ? null : values.get(0);
    }

    /** All headers; names are case-insensitive. */
    public Map<String, List<String>> headers() { return headers; }

    /** The first value of header {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as UTF-8 text (empty when none); at most the recorder's body limit. */
    public String body() { return body; }
    /** {@code true} when the body was longer than the recorder keeps. */
    public boolean bodyTruncated() { return bodyTruncated; }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** Removes JWTs and token-bearing parameter values. */
    static String redact(String text) {
        return SECRET_PARAM.matcher(JWT.matcher(text).replaceAll("<jwt>")).replaceAll("$1<redacted>");
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RecordedRequest[#").append(sequenceNumber).append(' ').append(method)
                .append(' ').append(redact(path));
        if (!query.isEmpty()) {
            s.append('?').append(redact(query));
        }
        s.append(", headers={");
        String sep = "";
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            s.append(sep).append(h.getKey()).append('=');
            s.append(SECRET_HEADERS.contains(h.getKey().toLowerCase(Locale.ROOT)) ? "<redacted>" : redact(String.join(",", h.getValue())));
            sep = ", ";
        }
        s.append('}');
        if (!body.isEmpty()) {
            String shown = redact(body);
            s.append(", body=").append(shown.length() > TO_STRING_BODY ? shown.substring(0, TO_STRING_BODY) + "…" : shown);
        }
        return s.append(']').toString();
    }
}
