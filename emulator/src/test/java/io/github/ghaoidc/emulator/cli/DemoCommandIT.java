package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code gha-oidc demo} runs the reference scenario and reports who got credentials and who was refused, and why. */
class DemoCommandIT {

    @Test
    void demoGrantsTheTrustedRepositoryAndRefusesOthersWithReasons() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GhaOidcCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("demo");

        String text = out.toString();
        assertThat(exit).as(err.toString()).isZero();
        assertThat(text).contains("push to main of octo-org/octo-repo\n    sub repo:octo-org/octo-repo:ref:refs/heads/main")
                .contains("GetCallerIdentity: arn:aws:sts::123456789012:assumed-role/GitHubActionsRole/GithubActionsSession")
                .contains("REFUSED  AccessDenied (HTTP 403): Not authorized to perform sts:AssumeRoleWithWebIdentity")
                .contains("REFUSED  InvalidIdentityToken (HTTP 400): Incorrect token audience")
                .contains("why      IMPLICIT_DENY");
        assertThat(text.split("GRANTED", -1)).hasSize(4);
        assertThat(text.split("REFUSED", -1)).hasSize(3);
    }

    @Test
    void badOrganisationNameIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = GhaOidcCommand.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("demo", "--org", "not an org")).isEqualTo(2);
        assertThat(err.toString()).contains("--org must be a GitHub organisation name");
    }
}
