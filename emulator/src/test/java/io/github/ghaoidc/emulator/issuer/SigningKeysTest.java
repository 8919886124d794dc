package io.github.ghaoidc.emulator.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.emulator.EmulatorException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    private static SigningKeys two;

    @BeforeAll
    static void generate() {
        two = SigningKeys.generate(2);
    }

    @Test
    void generatesSeveralPublishedKeysWithTheFirstActive() {
        assertThat(two.kids()).hasSize(2).doesNotHaveDuplicates();
        assertThat(two.activeKid()).isEqualTo(two.kids().get(0));
        assertThat(two.publicJwkSet().getKeys()).hasSize(2).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
    }

    @Test
    void rotationAddsAnActiveKeyAndKeepsOldOnesPublishedUntilRemoved() {
        SigningKeys keys = SigningKeys.fromJwkSet(two.privateJwkSet(), null);
        String old = keys.activeKid();
        String fresh = keys.rotate();
        assertThat(keys.activeKid()).isEqualTo(fresh);
        assertThat(keys.kids()).contains(old, fresh).hasSize(3);
        assertThat(new String(keys.jwksBytes())).contains(old, fresh);
        keys.remove(old);
        assertThat(keys.kids()).doesNotContain(old);
        assertThat(new String(keys.jwksBytes())).doesNotContain(old);
    }

    @Test
    void theActiveKeyCannotBeRemoved() {
        SigningKeys keys = SigningKeys.fromJwkSet(two.privateJwkSet(), null);
        assertThatThrownBy(() -> keys.remove(keys.activeKid())).isInstanceOf(EmulatorException.class)
                .hasMessageContaining("is the active signing key; rotate first");
    }

    @Test
    void activeKidSelectsTheSigningKeyAndUnknownKidIsRefused() {
        String second = two.kids().get(1);
        assertThat(SigningKeys.fromJwkSet(two.privateJwkSet(), second).activeKid()).isEqualTo(second);
        assertThatThrownBy(() -> SigningKeys.fromJwkSet(two.privateJwkSet(), "nope"))
                .hasMessageStartingWith("activeKid 'nope' is not in the key set; kids: ");
    }

    @Test
    void publicKeysAreRefusedAsSigningKeys() {
        assertThatThrownBy(() -> SigningKeys.fromJwkSet(two.publicJwkSet(), null))
                .isInstanceOf(EmulatorException.class).hasMessageContaining("has no private part");
    }

    @Test
    void keyFileIsCreatedOwnerOnlyAndReloadedWithTheSameKeys(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        SigningKeys created = SigningKeys.loadOrCreate(file, 1, null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SigningKeys loaded = SigningKeys.loadOrCreate(file, 1, null);
        assertThat(loaded.kids()).isEqualTo(created.kids());
        assertThat(loaded.jwksBytes()).isEqualTo(created.jwksBytes());
    }

    @Test
    void unparsableKeyFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("keys.json"), "{not json");
        assertThatThrownBy(() -> SigningKeys.loadOrCreate(file, 1, null))
                .hasMessageStartingWith("key file " + file + " is not a JWK set");
    }
}
