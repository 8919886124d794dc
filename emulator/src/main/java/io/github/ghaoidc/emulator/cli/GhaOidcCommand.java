package io.github.ghaoidc.emulator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gha-oidc} root command; each subcommand lives in its own class. */
@Command(
        name = "gha-oidc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "GitHub Actions OIDC to AWS: a local GitHub issuer and AWS STS/IAM emulator, "
                + "a trust-policy engine, and a credential_process helper.")
public final class GhaOidcCommand implements Runnable {

    /** The subcommands by name, in the order usage lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured command line with every subcommand: exit codes and error handling shared by all. */
    public static CommandLine commandLine() {
        return build(SUBCOMMANDS);
    }

    /**
     * The command line to run {@code args} with. Picocli reflects over every registered command when the command
     * line is built (a tenth of a second of a cold start for the whole tree), so when {@code args} start with a
     * subcommand's name only that subcommand is registered; it parses and behaves exactly as in the whole tree.
     * Anything else ({@code help}, no or unknown subcommand, root options) gets the whole tree, for usage and
     * suggestions.
     */
    public static CommandLine commandLine(String... args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !"help".equals(args[0])) {
            return build(Map.of(args[0], SUBCOMMANDS.get(args[0])));
        }
        return commandLine();
    }

    private static CommandLine build(Map<String, Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new GhaOidcCommand());
        subcommands.forEach(cli::addSubcommand);
        CliErrors errors = new CliErrors(); // set after the subcommands: picocli copies handlers to existing ones only
        return cli.setParameterExceptionHandler(errors).setExecutionExceptionHandler(errors);
    }

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("serve", ServeCommand.class);
        m.put("mint", MintCommand.class);
        m.put("trust", TrustCommand.class);
        m.put("credentials", CredentialsCommand.class);
        m.put("demo", DemoCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return m;
    }
}
