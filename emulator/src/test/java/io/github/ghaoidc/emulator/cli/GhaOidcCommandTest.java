package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GhaOidcCommandTest {

    private static final String[] ALL = {"serve", "mint", "trust", "credentials", "demo", "help"};

    @Test
    void theWholeTreeListsEverySubcommandInUsageOrder() {
        assertThat(GhaOidcCommand.commandLine().getSubcommands().keySet()).containsExactly(ALL);
    }

    @Test
    void argumentsNamingASubcommandBuildOnlyThatSubcommand() {
        assertThat(GhaOidcCommand.commandLine("serve", "--port", "0").getSubcommands().keySet()).containsExactly("serve");
        assertThat(GhaOidcCommand.commandLine("trust", "lint").getSubcommands().keySet()).containsExactly("trust");
    }

    @Test
    void helpRootOptionsAndUnknownNamesGetTheWholeTree() {
        for (String[] args : new String[][] {{}, {"help", "serve"}, {"--version"}, {"serv"}}) {
            assertThat(GhaOidcCommand.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactly(ALL);
        }
    }

    @Test
    void aSubcommandAloneReportsErrorsAsInTheWholeTree() {
        String[] args = {"serve", "--bogus"};
        assertThat(run(GhaOidcCommand.commandLine(args), args)).isEqualTo(run(GhaOidcCommand.commandLine(), args));
    }

    @Test
    void aSubcommandAlonePrintsTheSameUsage() {
        String[] args = {"serve", "--help"};
        assertThat(run(GhaOidcCommand.commandLine(args), args)).isEqualTo(run(GhaOidcCommand.commandLine(), args))
                .contains("Usage: gha-oidc serve");
    }

    @Test
    void anUnknownSubcommandIsRefusedInOneLine() {
        String[] args = {"serv"};
        assertThat(run(GhaOidcCommand.commandLine(args), args))
                .isEqualTo("2||gha-oidc: Unmatched argument at index 0: 'serv' (see 'gha-oidc --help')" + System.lineSeparator());
    }

    /** exit code | stdout | stderr */
    private static String run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return exit + "|" + out + "|" + err;
    }

    @Test
    void topLevelHelpSaysServeAlsoServesIamAndSts() {
        CliRun run = CliRun.of("--help");

        String serve = run.out().substring(run.out().indexOf("  serve"), run.out().indexOf("  mint"))
                .replaceAll("\\s+", " ");
        assertThat(serve).contains("the local GitHub OIDC issuer and, on the same port, AWS IAM and STS");
    }
}
