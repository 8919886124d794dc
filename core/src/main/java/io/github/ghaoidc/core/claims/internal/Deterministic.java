package io.github.ghaoidc.core.claims.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Realistic-looking but deterministic identifiers derived from names, so one context always yields
 * the same claims (apart from times and {@code jti}). Not API.
 */
public final class Deterministic {

    private Deterministic() {
    }

    /** A 40-hex-digit lower-case commit SHA derived from {@code seed}. */
    public static String sha(String seed) {
        return HexFormat.of().formatHex(digest("SHA-1", seed));
    }

    /** A positive number in {@code [min, min + range)} derived from {@code seed}. */
    public static long number(String seed, long min, long range) {
        byte[] d = digest("SHA-256", seed);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return min + Math.floorMod(v, range);
    }

    /** A GraphQL-style node id such as {@code EN_kwDOAbC...} derived from {@code seed}. */
    public static String nodeId(String prefix, String seed) {
        byte[] d = digest("SHA-256", seed);
        return prefix + "_kwDO" + Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 14);
    }

    private static byte[] digest(String algorithm, String seed) {
        try {
            return MessageDigest.getInstance(algorithm).digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by the Java platform", e);
        }
    }
}
