package io.github.ghaoidc.emulator.aws.internal.credentials;

import java.security.SecureRandom;
import java.util.Base64;

/** Generates identifiers and secrets in the shapes AWS uses. */
public final class CredentialIds {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialIds() {
    }

    /** {@code ASIA} + 16 characters: a temporary access key id. */
    public static String temporaryAccessKeyId() {
        return "ASIA" + base32(16);
    }

    /** {@code AROA} + 17 characters: a role id. */
    public static String roleId() {
        return "AROA" + base32(17);
    }

    /** 40 characters, like an AWS secret access key. */
    public static String secretAccessKey() {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An opaque session token. */
    public static String sessionToken() {
        byte[] bytes = new byte[96];
        RANDOM.nextBytes(bytes);
        return "IQoJb3JpZ2luX2VtdWxhdG9y" + Base64.getEncoder().encodeToString(bytes);
    }

    private static String base32(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE32[RANDOM.nextInt(BASE32.length)];
        }
        return new String(out);
    }
}
