package io.github.ghaoidc.emulator.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process and captures its exit code, stdout and stderr. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GhaOidcCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    static String resource(String name) {
        try {
            return Path.of(CliRun.class.getResource("/trust/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resourceText(String name) {
        try {
            return java.nio.file.Files.readString(Path.of(resource(name)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether stderr is exactly one line with no stack trace. */
    boolean oneLineError() {
        return err.lines().count() == 1 && !err.contains("\tat ") && !err.contains("Exception");
    }
}
