package io.github.ghaoidc.emulator.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the standalone jar ({@code target/gha-oidc.jar}) as a user would, in a child process with a chosen
 * environment (no {@code AWS_*} variable of the test's own), output captured to files and the child bounded in time.
 */
public final class JarCli {

    public record Result(int exit, String out, String err) {
    }

    private JarCli() {
    }

    public static Result run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path jar = Path.of("target", "gha-oidc.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("mvn package builds " + jar + " before Failsafe runs");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ACTIONS_")
                || k.equals("GITHUB_ACTIONS"));
        builder.environment().put("HOME", workDir.toString());
        builder.environment().put("AWS_CONFIG_FILE", workDir.resolve("no-aws-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", workDir.resolve("no-aws-credentials").toString());
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().putAll(env);
        Path out = Files.createTempFile(workDir, "out", ".txt");
        Path err = Files.createTempFile(workDir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("gha-oidc " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
