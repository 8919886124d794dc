package io.github.ghaoidc.emulator.issuer;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.issuer.internal.Json;
import io.github.ghaoidc.emulator.issuer.internal.KeyFiles;
import io.github.ghaoidc.emulator.issuer.internal.SigningKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The issuer's published RSA keys: several at once, one active for signing. {@link #rotate()} adds a key
 * and makes it active while older keys stay published until {@link #remove(String) removed}. Keys are
 * generated in parallel (RSA-2048 generation costs ~70 ms each) or loaded from a JWK set file.
 * Thread-safe: readers see an immutable snapshot.
 */
public final class SigningKeys {

    private record Snapshot(List<SigningKey> keys, SigningKey active, byte[] jwks, JWKSet publicSet) {
    }

    private volatile Snapshot snapshot;

    private SigningKeys(List<SigningKey> keys, SigningKey active) {
        this.snapshot = snapshot(keys, active);
    }

    /** {@code count} fresh keys generated in parallel; the first is active. */
    public static SigningKeys generate(int count) {
        if (count < 1 || count > 16) {
            throw new EmulatorException("key count must be between 1 and 16, got: " + count);
        }
        List<CompletableFuture<SigningKey>> futures = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            CompletableFuture<SigningKey> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(SigningKey.generate());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }, "gha-oidc-keygen-" + i);
            t.setDaemon(true);
            t.start();
            futures.add(f);
        }
        List<SigningKey> keys = new ArrayList<>();
        keys.add(SigningKey.generate());
        futures.forEach(f -> keys.add(f.join()));
        return new SigningKeys(keys, keys.get(0));
    }

    /**
     * Keys from a JWK set holding private RSA keys. {@code activeKid} selects the signing key;
     * {@code null} means the first.
     *
     * @throws EmulatorException when the set has no usable key or {@code activeKid} is not in it
     */
    public static SigningKeys fromJwkSet(JWKSet set, String activeKid) {
        List<SigningKey> keys = new ArrayList<>();
        for (JWK jwk : set.getKeys()) {
            if (!(jwk instanceof RSAKey rsa)) {
                throw new EmulatorException("key " + jwk.getKeyID() + " has kty " + jwk.getKeyType() + "; only RSA is allowed");
            }
            try {
                keys.add(SigningKey.fromJwk(rsa));
            } catch (IllegalArgumentException e) {
                throw new EmulatorException(e.getMessage(), e);
            }
        }
        if (keys.isEmpty()) {
            throw new EmulatorException("the JWK set has no keys; it needs at least one private RSA-2048 key");
        }
        SigningKey active = activeKid == null ? keys.get(0)
                : keys.stream().filter(k -> k.kid().equals(activeKid)).findFirst().orElseThrow(() ->
                new EmulatorException("activeKid '" + activeKid + "' is not in the key set; kids: "
                        + keys.stream().map(SigningKey::kid).collect(Collectors.joining(", "))));
        return new SigningKeys(keys, active);
    }

    /**
     * Loads keys from a JWK set file, or, when the file does not exist, generates {@code count} keys and
     * writes them there (owner-only permissions) so tokens stay verifiable across restarts.
     */
    public static SigningKeys loadOrCreate(Path file, int count, String activeKid) {
        return KeyFiles.loadOrCreate(file, count, activeKid);
    }

    /** Adds a freshly generated key and makes it active; returns its {@code kid}. */
    public synchronized String rotate() {
        SigningKey fresh = SigningKey.generate();
        List<SigningKey> keys = new ArrayList<>(snapshot.keys());
        keys.add(fresh);
        snapshot = snapshot(keys, fresh);
        return fresh.kid();
    }

    /** Generates a key and publishes it without signing with it (a standby key, as GitHub publishes several); returns its kid. */
    public String addKey() {
        SigningKey fresh = SigningKey.generate(); // outside the lock: ~70 ms of CPU
        synchronized (this) {
            List<SigningKey> keys = new ArrayList<>(snapshot.keys());
            keys.add(fresh);
            snapshot = snapshot(keys, snapshot.active());
        }
        return fresh.kid();
    }

    /** Makes the published key {@code kid} the signing key. */
    public synchronized void activate(String kid) {
        snapshot = snapshot(snapshot.keys(), find(kid));
    }

    /** Stops publishing key {@code kid}; the active key cannot be removed. */
    public synchronized void remove(String kid) {
        SigningKey key = find(kid);
        if (key == snapshot.active()) {
            throw new EmulatorException("key " + kid + " is the active signing key; rotate first, then remove it");
        }
        List<SigningKey> keys = new ArrayList<>(snapshot.keys());
        keys.remove(key);
        snapshot = snapshot(keys, snapshot.active());
    }

    public String activeKid() {
        return snapshot.active().kid();
    }

    /** The published kids in publication order. */
    public List<String> kids() {
        return snapshot.keys().stream().map(SigningKey::kid).toList();
    }

    /** The public keys as a Nimbus JWK set. */
    public JWKSet publicJwkSet() {
        return snapshot.publicSet();
    }

    /** The private keys (for saving); never log this. */
    public JWKSet privateJwkSet() {
        return new JWKSet(snapshot.keys().stream().map(k -> (JWK) k.privateJwk()).toList());
    }

    /** The JWKS document as GitHub serves it, compact JSON; pre-serialised, do not modify. */
    public byte[] jwksBytes() {
        return snapshot.jwks();
    }

    /** The active key (for the minter). */
    public SigningKey activeKey() {
        return snapshot.active();
    }

    private SigningKey find(String kid) {
        return snapshot.keys().stream().filter(k -> k.kid().equals(kid)).findFirst()
                .orElseThrow(() -> new EmulatorException("no key with kid '" + kid + "'; published kids: " + kids()));
    }

    private static Snapshot snapshot(List<SigningKey> keys, SigningKey active) {
        List<Map<String, Object>> json = keys.stream().map(SigningKey::publicJson).toList();
        JWKSet publicSet = new JWKSet(keys.stream().map(k -> (JWK) k.privateJwk().toPublicJWK()).toList());
        return new Snapshot(List.copyOf(keys), active, Json.bytes(Map.of("keys", json)), publicSet);
    }

    @Override
    public String toString() {
        return "SigningKeys[active=" + activeKid() + ", kids=" + kids() + "]";
    }
}
