package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.emulator.EmulatorException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * One-line errors for users, never a stack trace. Exit codes: 2 for bad usage or input (unknown flag,
 * bad value, unusable file, invalid configuration), 1 for a described runtime failure ({@link CliFailure}),
 * 3 for anything unexpected (so that {@code trust eval}'s "1 = denied" is never confused with a crash).
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Exit code for an error nobody anticipated: a bug to report. */
    static final int EXIT_INTERNAL = 3;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("gha-oidc: " + oneLine(e.getMessage())
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return CliException.EXIT_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (e instanceof ParameterException pe) {
            return handleParseException(pe, new String[0]);
        }
        PrintWriter err = cmd.getErr();
        int exit;
        String prefix = "gha-oidc: ";
        if (e instanceof CliException || e instanceof EmulatorException || e instanceof IllegalArgumentException) {
            exit = CliException.EXIT_INPUT;
        } else if (e instanceof CliFailure) {
            exit = CliFailure.EXIT_FAILURE;
        } else {
            exit = EXIT_INTERNAL;
            prefix += "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": ");
        }
        err.println(prefix + oneLine(e.getMessage()));
        err.flush();
        return exit;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
