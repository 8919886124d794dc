package io.github.ghaoidc.emulator.issuer.internal;

import com.nimbusds.jose.jwk.JWKSet;
import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.issuer.SigningKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/** Reading and writing the private JWK set file. Not API. */
public final class KeyFiles {

    private KeyFiles() {
    }

    public static SigningKeys loadOrCreate(Path file, int count, String activeKid) {
        if (Files.exists(file)) {
            return SigningKeys.fromJwkSet(read(file), activeKid);
        }
        SigningKeys keys = SigningKeys.generate(count);
        write(file, keys.privateJwkSet());
        return keys;
    }

    static JWKSet read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmulatorException("cannot read key file " + file + ": " + e.getMessage(), e);
        }
        try {
            return JWKSet.parse(text);
        } catch (ParseException e) {
            throw new EmulatorException("key file " + file + " is not a JWK set ({\"keys\":[…]}): " + e.getMessage(), e);
        }
    }

    static void write(Path file, JWKSet privateKeys) {
        String json = privateKeys.toString(false);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
            throw new EmulatorException("key file " + file + " appeared while writing it; not overwriting", e);
        } catch (IOException e) {
            throw new EmulatorException("cannot write key file " + file + ": " + e.getMessage(), e);
        }
    }
}
