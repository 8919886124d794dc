package io.github.ghaoidc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.emulator.support.DiscoveryVerifier;
import io.github.ghaoidc.emulator.support.Http;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** As a new user would: start the standalone jar's {@code serve}, use the printed variables, stop it with SIGTERM. */
class ServeJarIT {

    private static final Pattern EXPORT = Pattern.compile("export (ACTIONS_ID_TOKEN_REQUEST_(?:URL|TOKEN))='([^']*)'");

    @Test
    void servePrintsExportLinesThatYieldAVerifiableTokenAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "gha-oidc.jar");
        assertThat(jar).as("mvn package builds the standalone jar before Failsafe runs").exists();
        Path envFile = dir.resolve("oidc.env");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--port", "0", "--repository", "octo-org/app",
                "--environment", "prod", "--env-file", envFile.toString()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            Map<String, String> vars = new HashMap<>();
            StringBuilder printed = new StringBuilder();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while (vars.size() < 2 && (line = out.readLine()) != null) {
                printed.append(line).append('\n');
                Matcher m = EXPORT.matcher(line);
                if (m.matches()) {
                    vars.put(m.group(1), m.group(2));
                }
            }
            assertThat(printed).contains("# issuer: https://token.actions.githubusercontent.com");
            String url = vars.get("ACTIONS_ID_TOKEN_REQUEST_URL");
            String token = vars.get("ACTIONS_ID_TOKEN_REQUEST_TOKEN");
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/_apis/jobs/default/idtoken\\?api-version=2\\.0");
            String jwt = Http.json(Http.toolkitGet(url, token, "sts.amazonaws.com").body()).get("value").asText();
            String base = url.substring(0, url.indexOf("/_apis/"));
            assertThat(new DiscoveryVerifier(base + "/.well-known/openid-configuration", "sts.amazonaws.com")
                    .verify(jwt).getSubject()).isEqualTo("repo:octo-org/app:environment:prod");
            assertThat(Files.readString(envFile)).contains("export ACTIONS_ID_TOKEN_REQUEST_URL='" + url + "'");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-------");
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertThat(err).doesNotContain("Exception", "\tat ");
        assertThat(envFile).as("--env-file is removed when serve stops (issue 12, D4)").doesNotExist();
        try (var left = Files.list(dir)) {
            assertThat(left.map(f -> f.getFileName().toString())).as("no temporary file is left beside it")
                    .containsExactlyInAnyOrder("stderr.txt");
        }
    }

    @Test
    void sigintRemovesTheEnvFileButLeavesOneAnotherServerHasReplaced(@TempDir Path dir) throws Exception {
        Path jar = Path.of("target", "gha-oidc.jar");
        Path mine = dir.resolve("mine.env");
        Path replaced = dir.resolve("replaced.env");
        Process first = serve(jar, dir, mine, "first");
        Process second = serve(jar, dir, replaced, "second");
        try {
            awaitNonEmpty(mine, first);
            awaitNonEmpty(replaced, second);
            Files.writeString(replaced, "export SOMEONE_ELSES=1\n"); // as if a newer server had taken the name
        } finally {
            for (Process p : new Process[] {first, second}) {
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("serve stops on SIGINT").isTrue();
            }
        }

        assertThat(mine).doesNotExist();
        assertThat(Files.readString(replaced)).isEqualTo("export SOMEONE_ELSES=1\n");
    }

    private static Process serve(Path jar, Path dir, Path envFile, String name) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "serve", "--port", "0", "--no-aws", "--env-file", envFile.toString())
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    private static void awaitNonEmpty(Path file, Process p) throws Exception {
        for (int i = 0; i < 300 && (!Files.exists(file) || Files.size(file) == 0); i++) {
            assertThat(p.isAlive()).as("serve is running").isTrue();
            Thread.sleep(100);
        }
        assertThat(file).isNotEmptyFile();
    }
}
