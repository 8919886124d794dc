package io.github.ghaoidc.emulator.aws;

import io.github.ghaoidc.emulator.support.Processes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the AWS CLI on PATH as a subprocess, isolated from the user's AWS configuration. */
final class AwsCli {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path home;

    AwsCli(Path home) throws IOException {
        this.home = home;
        Files.writeString(home.resolve("config"), "[default]\nregion = us-east-2\noutput = json\n");
        Files.writeString(home.resolve("credentials"), "");
    }

    /** The {@code aws} executable on PATH, or null. */
    static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "aws");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** botocore's version as {@code [major, minor]}, from {@code aws --version}. */
    static int[] botocoreVersion() throws IOException, InterruptedException {
        String out = Processes.run(new ProcessBuilder("aws", "--version"), 60).output();
        Matcher m = Pattern.compile("botocore/(\\d+)\\.(\\d+)").matcher(out);
        if (m.find()) {
            return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
        // aws-cli v2 bundles its own botocore and supports service-specific endpoint variables since 2.13
        Matcher v2 = Pattern.compile("aws-cli/2\\.(\\d+)").matcher(out);
        return v2.find() && Integer.parseInt(v2.group(1)) >= 13 ? new int[] {1, 31} : new int[] {0, 0};
    }

    Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("aws");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("AWS_"));
        // HOME too: the CLI caches web-identity credentials under ~/.aws/cli/cache
        environment.put("HOME", home.toString());
        environment.put("AWS_CONFIG_FILE", home.resolve("config").toString());
        environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        environment.put("AWS_PAGER", "");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.putAll(env);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("aws " + args[0] + " did not finish within 120 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
