package io.github.ghaoidc.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process bounded in time: output goes to a file (never read before the child ends, so a full pipe
 * cannot stall it), and a child still running at the deadline is killed with its descendants, then reported.
 */
final class Processes {

    /** What a finished child left: its exit status and its output (stdout and stderr merged unless redirected). */
    record Finished(int exit, String output) {
    }

    private Processes() {
    }

    static Finished run(ProcessBuilder builder, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("child", ".log");
        try {
            if (builder.redirectError() == ProcessBuilder.Redirect.PIPE) {
                builder.redirectErrorStream(true);
            }
            Process process = builder.redirectOutput(log.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", builder.command()) + " did not finish within " + timeoutSeconds
                        + " s; output so far:\n" + Files.readString(log));
            }
            return new Finished(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
