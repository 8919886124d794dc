package io.github.ghaoidc.emulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gha-oidc} root command; each subcommand lives in its own class. */
@Command(
        name = "gha-oidc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "GitHub Actions OIDC to AWS: a local GitHub issuer and AWS STS/IAM emulator, "
                + "a trust-policy engine, and a credential_process helper.",
        subcommands = {CommandLine.HelpCommand.class, CredentialsCommand.class, TrustCommand.class})
public final class GhaOidcCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured command line: exit codes and error handling shared by every subcommand. */
    public static CommandLine commandLine() {
        CliErrors errors = new CliErrors();
        return new CommandLine(new GhaOidcCommand())
                .setParameterExceptionHandler(errors)
                .setExecutionExceptionHandler(errors);
    }
}
