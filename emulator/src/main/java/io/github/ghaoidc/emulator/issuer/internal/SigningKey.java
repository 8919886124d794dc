package io.github.ghaoidc.emulator.issuer.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One RSA-2048 signing key with its self-signed certificate ({@code x5c}/{@code x5t}), the pre-encoded
 * JWS header GitHub uses ({@code {"alg":"RS256","kid":…,"typ":"JWT","x5t":…}}) and a thread-safe signer.
 * Not API.
 */
public final class SigningKey {

    private final RSAKey jwk;
    private final PrivateKey privateKey;
    private final String encodedHeader;

    private SigningKey(RSAKey jwk) {
        this.jwk = jwk;
        try {
            this.privateKey = new RSASSASigner(jwk).getPrivateKey(); // Nimbus checks the key is usable for RS256
        } catch (JOSEException e) {
            throw new IllegalArgumentException("key " + jwk.getKeyID() + " cannot sign RS256: " + e.getMessage(), e);
        }
        this.encodedHeader = encodeHeader(jwk.getKeyID());
    }

    /** Generates a fresh RSA-2048 key with a UUID-shaped {@code kid} (GitHub's 2026 style). ~70 ms. */
    public static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey bare = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic())
                    .privateKey(pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
            return fromJwk(bare);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is required by the Java platform", e);
        }
    }

    /**
     * Wraps a private RSA JWK; adds {@code use}, {@code alg} and, when it has none, a self-signed
     * certificate ({@code x5c}) and its {@code x5t}.
     */
    public static SigningKey fromJwk(RSAKey key) {
        if (!key.isPrivate()) {
            throw new IllegalArgumentException("key " + key.getKeyID() + " has no private part; a signing key needs d, p, q…");
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new IllegalArgumentException("every key needs a kid");
        }
        if (key.getModulus().decode().length * 8 < 2048) {
            throw new IllegalArgumentException("key " + key.getKeyID() + " is shorter than 2048 bits; GitHub uses RSA-2048");
        }
        try {
            List<Base64> chain = key.getX509CertChain();
            if (chain == null || chain.isEmpty()) {
                Instant now = Instant.now();
                byte[] der = SelfSignedCertificate.create(key.toKeyPair(), "gha-oidc emulator",
                        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)));
                chain = List.of(Base64.encode(der));
            }
            Base64URL x5t = Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(chain.get(0).decode()));
            RSAKey full = new RSAKey.Builder(key).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .x509CertChain(chain).x509CertThumbprint(x5t).build();
            return new SigningKey(full);
        } catch (NoSuchAlgorithmException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalArgumentException("key " + key.getKeyID() + " is unusable: " + e.getMessage(), e);
        }
    }

    public String kid() {
        return jwk.getKeyID();
    }

    /** The private JWK (for saving to a key file). */
    public RSAKey privateJwk() {
        return jwk;
    }

    /** The public JWK as GitHub publishes it, members in GitHub's order. */
    public Map<String, Object> publicJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kty", "RSA");
        m.put("alg", "RS256");
        m.put("use", "sig");
        m.put("kid", jwk.getKeyID());
        m.put("n", jwk.getModulus().toString());
        m.put("e", jwk.getPublicExponent().toString());
        m.put("x5c", jwk.getX509CertChain().stream().map(Base64::toString).toList());
        m.put("x5t", jwk.getX509CertThumbprint().toString());
        return m;
    }

    /** Base64url of this key's JWS header. */
    public String encodedHeader() {
        return encodedHeader;
    }

    /** Base64url of a header naming {@code kid} instead (for the unknown-kid fault). */
    public String encodedHeader(String kid) {
        return encodeHeader(kid);
    }

    /**
     * The raw RS256 signature (RSASSA-PKCS1-v1_5 with SHA-256) over {@code signingInput}. Thread-safe. This is
     * the JCA call Nimbus's {@code RSASSASigner} makes, minus its result's Base64URL round trip: callers encode
     * with the JDK's intrinsic encoder.
     */
    public byte[] sign(byte[] signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update(signingInput);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RS256 signing failed with key " + kid(), e);
        }
    }

    private String encodeHeader(String kid) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "RS256");
        h.put("kid", kid);
        h.put("typ", "JWT");
        h.put("x5t", jwk.getX509CertThumbprint().toString());
        return Base64URL.encode(Json.bytes(h)).toString();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid() + "]";
    }
}
