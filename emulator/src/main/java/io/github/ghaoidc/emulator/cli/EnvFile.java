package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.issuer.Job;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The POSIX {@code export NAME='value'} lines that hand a job's request URL and token to a shell. */
final class EnvFile {

    private EnvFile() {
    }

    static String exportLines(Job job) {
        return "export ACTIONS_ID_TOKEN_REQUEST_URL=" + quote(job.requestUrl()) + "\n"
                + "export ACTIONS_ID_TOKEN_REQUEST_TOKEN=" + quote(job.requestToken());
    }

    /** Writes the export lines to {@code file} with owner-only permissions (the token is a secret). */
    static void write(Path file, Job job) {
        write(file, job, "");
    }

    /** As {@link #write(Path, Job)}, followed by {@code extraLines} (each ending in a newline). */
    static void write(Path file, Job job, String extraLines) {
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, exportLines(job) + "\n" + extraLines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EmulatorException("cannot write --env-file " + file + ": " + e.getMessage(), e);
        }
    }

    /** POSIX single-quoting: {@code '} becomes {@code '\''}. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
