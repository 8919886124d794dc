package io.github.ghaoidc.emulator.issuer.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A minimal DER-encoded X.509 v3 self-signed certificate (SHA256withRSA, CN only, no extensions), the
 * kind GitHub publishes in {@code x5c} to back each key's {@code x5t}. The JDK can parse certificates but
 * has no public API to create one; this writes the few DER structures needed. Not API.
 */
public final class SelfSignedCertificate {

    private static final byte[] SHA256_WITH_RSA = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
            0x0d, 0x01, 0x01, 0x0b};
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private SelfSignedCertificate() {
    }

    /** DER bytes of a certificate for {@code keyPair}, subject = issuer = {@code CN=commonName}. */
    public static byte[] create(KeyPair keyPair, String commonName, Instant notBefore, Instant notAfter) {
        byte[] algorithm = sequence(SHA256_WITH_RSA, new byte[] {0x05, 0x00});
        byte[] name = sequence(tlv(0x31, sequence(COMMON_NAME, tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
        byte[] tbs = sequence(
                tlv(0xa0, tlv(0x02, new byte[] {0x02})),
                tlv(0x02, new BigInteger(64, new SecureRandom()).setBit(62).toByteArray()),
                algorithm,
                name,
                sequence(time(notBefore), time(notAfter)),
                name,
                keyPair.getPublic().getEncoded());
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(keyPair.getPrivate());
            signer.update(tbs);
            byte[] signature = signer.sign();
            byte[] bitString = new byte[signature.length + 1];
            System.arraycopy(signature, 0, bitString, 1, signature.length);
            return sequence(tbs, algorithm, tlv(0x03, bitString));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot self-sign a certificate: " + e.getMessage(), e);
        }
    }

    private static byte[] time(Instant t) {
        return t.atZone(ZoneOffset.UTC).getYear() < 2050
                ? tlv(0x17, UTC_TIME.format(t).getBytes(StandardCharsets.US_ASCII))
                : tlv(0x18, GENERALIZED_TIME.format(t).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        return tlv(0x30, content.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else {
            int bytes = len > 0xffff ? 3 : len > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(len >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}
