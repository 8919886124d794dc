package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.internal.ListenAddress;
import io.github.ghaoidc.emulator.issuer.Job;
import java.io.PrintWriter;

/** What {@code gha-oidc serve} prints once listening: where, the issuer, the export lines, and a warning off loopback. */
final class ServeBanner {

    static final String ALL_INTERFACES_WARNING =
            "gha-oidc: warning: listening on all interfaces: the admin API mints tokens for anyone who can reach it";

    private ServeBanner() {
    }

    /** {@code host}: the host the server was asked to bind ({@code --host} or the config file's). */
    static void print(GitHubOidcEmulator e, String host, PrintWriter out, PrintWriter err) {
        ListenAddress where = ListenAddress.of(host);
        if (where.wildcard()) {
            err.println(ALL_INTERFACES_WARNING);
        } else if (!where.loopback()) {
            err.println("gha-oidc: warning: listening on " + host + ", not loopback: the admin API mints tokens for "
                    + "anyone who can reach it");
        }
        err.flush();
        if (where.wildcard()) {
            out.println("# gha-oidc emulator listening on all interfaces (" + host + "), port " + e.port()
                    + "; from this machine: " + e.baseUrl());
        } else {
            out.println("# gha-oidc emulator listening on " + e.baseUrl() + " (port " + e.port() + ")");
        }
        out.println("# issuer: " + e.issuerUrl());
        out.println("# discovery: " + e.discoveryUrl());
        out.println("# admin API: " + e.baseUrl() + "/_admin/  (stop with Ctrl-C)");
        out.println(EnvFile.exportLines(e.defaultJob()));
        out.print(ServeAws.exportLines(e));
        for (Job job : e.jobs()) {
            if (!job.id().equals(e.defaultJob().id())) {
                out.println("# job '" + job.id() + "' (" + job.context().repository() + "):");
                out.println(EnvFile.exportLines(job).replace("export ", "# export "));
            }
        }
        out.flush();
    }
}
