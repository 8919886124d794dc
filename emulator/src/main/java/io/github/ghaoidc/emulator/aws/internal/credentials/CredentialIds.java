package io.github.ghaoidc.emulator.aws.internal.credentials;

import java.security.SecureRandom;
import java.util.Base64;

/** Generates identifiers and secrets in the shapes AWS uses. */
public final class CredentialIds {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    /** One generator per thread: the shared NativePRNG serialises callers under load. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(CredentialIds::newRandom);

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

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
        RANDOM.get().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An opaque session token. */
    public static String sessionToken() {
        byte[] bytes = new byte[96];
        RANDOM.get().nextBytes(bytes);
        return "IQoJb3JpZ2luX2VtdWxhdG9y" + Base64.getEncoder().encodeToString(bytes);
    }

    private static String base32(int length) {
        byte[] bytes = new byte[length];
        RANDOM.get().nextBytes(bytes);
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = BASE32[bytes[i] & 31];
        }
        return new String(out);
    }
}
