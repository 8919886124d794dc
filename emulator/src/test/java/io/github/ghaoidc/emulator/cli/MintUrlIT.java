package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.support.CliRun;
import io.github.ghaoidc.emulator.support.DiscoveryVerifier;
import io.github.ghaoidc.emulator.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code mint --url} asks a running server, so the token verifies against that server's keys. */
class MintUrlIT {

    private static GitHubOidcEmulator github;

    @BeforeAll
    static void start() {
        github = GitHubOidcEmulator.builder().keyCount(1).build().start();
    }

    @AfterAll
    static void stop() {
        github.close();
    }

    @Test
    void tokenFromUrlVerifiesAgainstTheServersKeys() throws Exception {
        CliRun run = CliRun.of("mint", "--url", github.baseUrl(), "--repository", "octo-org/app",
                "--environment", "prod", "--audience", "sts.amazonaws.com");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new DiscoveryVerifier(github.discoveryUrl(), "sts.amazonaws.com").verify(run.out().strip()).getSubject())
                .isEqualTo("repo:octo-org/app:environment:prod");
    }

    @Test
    void withoutContextFlagsTheServersDefaultJobContextIsUsed() {
        CliRun run = CliRun.of("mint", "--url", github.baseUrl(), "--decode");
        assertThat(Http.json(run.out()).get("claims").get("sub").asText())
                .isEqualTo("repo:octo-org/octo-repo:ref:refs/heads/main");
    }

    @Test
    void keysWithUrlIsRefused() {
        CliRun run = CliRun.of("mint", "--url", github.baseUrl(), "--keys", "k.json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("gha-oidc: --issuer and --keys apply only without --url");
    }
}
