package io.github.ghaoidc.emulator.aws.internal.query;

import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One AWS Query protocol request: its form parameters plus what SigV4 verification needs
 * (method, path, raw query, headers, body). Immutable.
 */
public final class QueryRequest {

    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final Map<String, String> params;
    private final String sourceIp;

    private QueryRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
            byte[] body, Map<String, String> params, String sourceIp) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        this.params = params;
        this.sourceIp = sourceIp;
    }

    /**
     * Parses an {@code application/x-www-form-urlencoded} body (and the URL query string, whose values the body
     * overrides).
     */
    public static QueryRequest of(String method, String path, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String sourceIp) {
        Map<String, String> params = new LinkedHashMap<>();
        parseForm(rawQuery, params);
        parseForm(new String(body, StandardCharsets.UTF_8), params);
        Map<String, List<String>> lower = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        lower.putAll(headers);
        return new QueryRequest(method, path, rawQuery == null ? "" : rawQuery, Collections.unmodifiableMap(lower),
                body.clone(), Collections.unmodifiableMap(params), sourceIp);
    }

    private static void parseForm(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                into.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new AwsServiceException("MalformedQueryString", 400,
                        "The request body is not valid application/x-www-form-urlencoded: " + e.getMessage());
            }
        }
    }

    /** The parameter's value, or {@code null} when absent. */
    public String param(String name) {
        return params.get(name);
    }

    /** The values of a Query list such as {@code ClientIDList.member.1 … .N}, in index order. */
    public List<String> members(String listName) {
        List<String> values = new ArrayList<>();
        for (int i = 1; ; i++) {
            String value = params.get(listName + ".member." + i);
            if (value == null) {
                return values;
            }
            values.add(value);
        }
    }

    /** The values of one field of a Query list of structures, such as {@code PolicyArns.member.N.arn}. */
    public List<String> members(String listName, String field) {
        List<String> values = new ArrayList<>();
        for (int i = 1; ; i++) {
            String value = params.get(listName + ".member." + i + "." + field);
            if (value == null) {
                return values;
            }
            values.add(value);
        }
    }

    public String action() {
        return params.get("Action");
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String rawQuery() {
        return rawQuery;
    }

    /** The first value of a header (case-insensitive name), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public byte[] body() {
        return body.clone();
    }

    public String sourceIp() {
        return sourceIp;
    }

    @Override
    public String toString() {
        return "QueryRequest[action=" + action() + "]";
    }
}
