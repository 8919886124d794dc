package io.github.ghaoidc.emulator.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** One-line errors for users: no stack traces, exit 2 for bad usage or input. */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("gha-oidc: " + e.getMessage().replaceAll("\\s+", " ").trim()
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return CliException.EXIT_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (e instanceof CliException) {
            err.println("gha-oidc: " + e.getMessage());
            err.flush();
            return CliException.EXIT_INPUT;
        }
        err.println("gha-oidc: internal error: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ")));
        err.flush();
        return 3;
    }
}
