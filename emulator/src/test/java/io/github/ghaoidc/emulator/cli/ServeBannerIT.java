package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.support.Http;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** What {@code serve} prints for the host it binds; wildcard binds are brief and reached only via 127.0.0.1. */
class ServeBannerIT {

    private record Printed(String baseUrl, String out, String err) {
    }

    private static Printed serve(String host) {
        try (GitHubOidcEmulator e = GitHubOidcEmulator.builder().host(host).keyCount(1).recordRequests(false)
                .aws(AwsEmulation.builder()).build().start()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            ServeBanner.print(e, host, new PrintWriter(out), new PrintWriter(err));
            assertThat(Http.get(e.discoveryUrl()).statusCode()).isEqualTo(200); // the printed URL reaches the server
            return new Printed(e.baseUrl(), out.toString(), err.toString());
        }
    }

    @Test
    void wildcardBindPrintsLoopbackUrlsWithoutBracketsAndWarns() {
        Printed p = serve("0.0.0.0");
        assertThat(p.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(p.out()).doesNotContain("[").contains("listening on all interfaces (0.0.0.0)");
        assertThat(p.out().lines().filter(l -> l.startsWith("export ")).toList()).hasSize(4);
        assertThat(p.out().lines().filter(l -> l.startsWith("export ") && !l.contains("REQUEST_TOKEN")))
                .hasSize(3)
                .allSatisfy(l -> assertThat(l).contains("='" + p.baseUrl()).doesNotContain("0.0.0.0"));
        assertThat(p.err().strip())
                .isEqualTo("gha-oidc: warning: listening on all interfaces: the admin API mints tokens for anyone who can reach it");
    }

    @Test
    void localhostIsPrintedAsIsWithoutBracketsOrWarning() {
        Printed p = serve("localhost");
        assertThat(p.baseUrl()).matches("http://localhost:\\d+");
        assertThat(p.out()).doesNotContain("[");
        assertThat(p.err()).isEmpty();
    }

    @Test
    void loopbackAddressGetsNoWarning() {
        Printed p = serve("127.0.0.1");
        assertThat(p.out()).startsWith("# gha-oidc emulator listening on " + p.baseUrl() + " (port ");
        assertThat(p.err()).isEmpty();
    }
}
