package io.github.ghaoidc.emulator.cli;

import picocli.CommandLine;

/** Entry point of the standalone {@code gha-oidc.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code; used by tests so they need not fork a JVM. */
    public static int run(String... args) {
        return GhaOidcCommand.commandLine().execute(args);
    }
}
