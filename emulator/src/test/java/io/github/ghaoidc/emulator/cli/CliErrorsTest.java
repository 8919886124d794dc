package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.emulator.support.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one clear line on stderr, exit code 2, and no stack trace. */
class CliErrorsTest {

    private static void assertOneCleanLine(CliRun run, String expectedStart) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(expectedStart).doesNotContain("Exception", "\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void unknownFlag() {
        assertOneCleanLine(CliRun.of("serve", "--bogus"), "gha-oidc: Unknown option: '--bogus' (see 'gha-oidc serve --help')");
    }

    @Test
    void nonNumericPort() {
        assertOneCleanLine(CliRun.of("serve", "--port", "abc"), "gha-oidc: Invalid value for option '--port': 'abc' is not an int");
    }

    @Test
    void outOfRangePort() {
        assertOneCleanLine(CliRun.of("serve", "--port", "70000"),
                "gha-oidc: Invalid value for option '--port': must be 0 (any free port) to 65535, got: 70000");
    }

    @Test
    void missingConfigFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertOneCleanLine(CliRun.of("serve", "--config", missing.toString()),
                "gha-oidc: config file " + missing + " does not exist");
    }

    @Test
    void unreadableConfigFile(@TempDir Path dir) {
        assertOneCleanLine(CliRun.of("serve", "--config", dir.toString()), "gha-oidc: cannot read config file " + dir);
    }

    @Test
    void configWithBadFieldNamesTheFieldAndStartsNoServer(@TempDir Path dir) throws Exception {
        Path cfg = Files.writeString(dir.resolve("c.json"), "{\"server\":{\"port\":99999}}");
        assertOneCleanLine(CliRun.of("serve", "--config", cfg.toString()),
                "gha-oidc: config file " + cfg + ": server.port must be 0 (any free port) to 65535, got: 99999");
    }

    @Test
    void badIssuer() {
        assertOneCleanLine(CliRun.of("serve", "--issuer", "ftp://x"),
                "gha-oidc: Invalid value for option '--issuer': issuer must be 'self' or an absolute https URL");
    }

    @Test
    void unknownSubcommand() {
        assertOneCleanLine(CliRun.of("frobnicate"), "gha-oidc: Unmatched argument at index 0: 'frobnicate'");
    }
}
