package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.emulator.EmulatorException;
import io.github.ghaoidc.emulator.issuer.Job;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The POSIX {@code export NAME='value'} lines that hand a job's variables to a shell, in a file that holds secrets:
 * written with owner-only permissions to a temporary file beside it and renamed into place, so a reader (the README's
 * {@code until [ -s job.env ]} loop) never sees half of it; removed when the server that wrote it stops, so a later
 * reader cannot pick up a dead server's port and token.
 */
final class EnvFile {

    private EnvFile() {
    }

    static String exportLines(Job job) {
        return "export ACTIONS_ID_TOKEN_REQUEST_URL=" + quote(job.requestUrl()) + "\n"
                + "export ACTIONS_ID_TOKEN_REQUEST_TOKEN=" + quote(job.requestToken());
    }

    /** Writes the job's export lines, followed by {@code extraLines} (each ending in a newline); returns the content. */
    static String write(Path file, Job job, String extraLines) {
        String content = exportLines(job) + "\n" + extraLines;
        write(file, content);
        return content;
    }

    /** Writes {@code content} to {@code file} atomically, readable by the owner only. */
    static void write(Path file, String content) {
        Path absolute = file.toAbsolutePath();
        Path temp = null;
        try {
            Path dir = absolute.getParent();
            try {
                temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            }
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new EmulatorException("cannot write --env-file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes {@code file} if it still holds {@code content}: a file another server has since replaced is left alone.
     * Never throws: it runs while the process stops.
     */
    static void removeIfOurs(Path file, String content) {
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
                Files.delete(file);
            }
        } catch (IOException | RuntimeException e) {
            // stopping anyway; a file that cannot be read or removed is left for the user
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the temporary file is hidden and owner-only; nothing more to do
        }
    }

    /** POSIX single-quoting: {@code '} becomes {@code '\''}. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
