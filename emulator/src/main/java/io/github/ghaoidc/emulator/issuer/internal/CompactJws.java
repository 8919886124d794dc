package io.github.ghaoidc.emulator.issuer.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The compact JWS serialisation the emulator writes itself: {@code header.payload.signature}, the payload the
 * compact JSON of a claim map in its iteration order (GitHub's tokens are alphabetically ordered; Nimbus would
 * reorder them). Base64url is the JDK's encoder (an intrinsic): tokens are not secret while being encoded, so
 * Nimbus's constant-time codec buys nothing here. Nimbus still parses and verifies what this writes. Not API.
 */
public final class CompactJws {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private CompactJws() {
    }

    /** Unpadded base64url of {@code bytes}. */
    public static String base64Url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    /**
     * {@code encodedHeader.payload.signature}, where {@code signer} returns the raw signature over the ASCII
     * signing input {@code encodedHeader.payload}.
     */
    public static String sign(String encodedHeader, Map<String, Object> claims, UnaryOperator<byte[]> signer) {
        String signingInput = encodedHeader + "." + base64Url(Json.bytes(claims));
        return signingInput + "." + base64Url(signer.apply(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }
}
