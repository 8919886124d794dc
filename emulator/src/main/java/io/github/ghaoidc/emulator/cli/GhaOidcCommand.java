package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.emulator.EmulatorException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gha-oidc} root command; each subcommand lives in its own class. */
@Command(
        name = "gha-oidc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "GitHub Actions OIDC to AWS: a local GitHub issuer and AWS STS/IAM emulator, "
                + "a trust-policy engine, and a credential_process helper.",
        subcommands = {ServeCommand.class, MintCommand.class, CredentialsCommand.class, TrustCommand.class,
                DemoCommand.class, CommandLine.HelpCommand.class})
public final class GhaOidcCommand implements Runnable {

    /** Exit code for usage and input errors (unknown flag, bad value, unusable file). */
    public static final int EXIT_USAGE = 2;
    /** Exit code for failures that are not the user's input (e.g. a server that cannot be reached). */
    public static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured command line: exit codes and error handling shared by every subcommand. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GhaOidcCommand());
        cl.setParameterExceptionHandler(GhaOidcCommand::onParameterError);
        cl.setExecutionExceptionHandler(GhaOidcCommand::onExecutionError);
        return cl;
    }

    /** Unknown flag, bad value, missing argument: one line naming it, and where help is; exit 2. */
    private static int onParameterError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("gha-oidc: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return EXIT_USAGE;
    }

    /** Errors while running: one line, never a stack trace; input errors exit 2, others 1. */
    private static int onExecutionError(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (e instanceof CommandLine.ParameterException pe) {
            return onParameterError(pe, new String[0]);
        }
        if (e instanceof CliException) {
            err.println("gha-oidc: " + e.getMessage());
            err.flush();
            return CliException.EXIT_INPUT;
        }
        boolean input = e instanceof EmulatorException || e instanceof IllegalArgumentException;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("gha-oidc: " + (input || e instanceof CliFailure ? "" : "unexpected error: ") + message);
        err.flush();
        return input ? EXIT_USAGE : EXIT_FAILURE;
    }

    /** A runtime failure already described for the user (exit 1). */
    static final class CliFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CliFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
