package io.github.ghaoidc.emulator.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the server listens ({@code --host}, builder {@code host}) and the URL clients should use to reach it.
 * A wildcard bind ({@code 0.0.0.0}, {@code ::}) has no address of its own: its URL is the loopback address of
 * the same family. IPv6 literals are bracketed in URLs, names and IPv4 addresses never are. Not API.
 */
public record ListenAddress(String bindHost, String urlHost, boolean wildcard, boolean loopback) {

    public ListenAddress {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(urlHost, "urlHost");
    }

    /** Classifies {@code host} as given by the user (a name, an IPv4 literal, or an IPv6 literal with or without brackets). */
    public static ListenAddress of(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipv6Literal = bare.indexOf(':') >= 0;
        InetAddress literal = ipv6Literal || bare.matches("[0-9.]+") ? literal(bare) : null;
        if (literal != null && literal.isAnyLocalAddress()) {
            return new ListenAddress(bare, ipv6Literal ? "[::1]" : "127.0.0.1", true, false);
        }
        boolean loopback = literal != null ? literal.isLoopbackAddress()
                : bare.toLowerCase(Locale.ROOT).equals("localhost");
        return new ListenAddress(bare, ipv6Literal ? "[" + bare + "]" : bare, false, loopback);
    }

    /** {@code http://HOST:PORT} for clients on this machine (a wildcard bind is reached through loopback). */
    public String baseUrl(int port) {
        return "http://" + urlHost + ":" + port;
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
