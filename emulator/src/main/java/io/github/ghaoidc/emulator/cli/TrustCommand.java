package io.github.ghaoidc.emulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gha-oidc trust}: the trust-policy engine on the command line. */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "Evaluate, lint, explore and audit IAM role trust policies for GitHub Actions OIDC tokens.",
        subcommands = {TrustEvalCommand.class, TrustLintCommand.class, TrustExploreCommand.class, TrustAuditCommand.class})
final class TrustCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
