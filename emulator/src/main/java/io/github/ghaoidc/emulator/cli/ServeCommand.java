package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.config.internal.ConfigApplier;
import io.github.ghaoidc.emulator.config.ConfigLoader;
import io.github.ghaoidc.emulator.config.EmulatorConfig;
import io.github.ghaoidc.emulator.issuer.IssuerMode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gha-oidc serve}: runs the emulator in the foreground until SIGINT/SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the emulator in the foreground: the local GitHub OIDC issuer and, on the same port, AWS IAM and "
                + "STS enforcing trust policies (unless --no-aws). Prints the ACTIONS_ID_TOKEN_REQUEST_* variables of its "
                + "default job and AWS_ENDPOINT_URL_STS/IAM as POSIX export lines. Stops on Ctrl-C / SIGTERM."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one. Default: 0 (or the config file's).")
    Integer port;
    @Option(names = "--host", paramLabel = "H", description = "Interface to bind. Default: 127.0.0.1. 0.0.0.0 listens on all "
            + "interfaces (printed URLs then use 127.0.0.1); anyone who can reach the port can mint tokens.")
    String host;
    @Option(names = "--issuer", paramLabel = "URL|self", description = "iss of the tokens: github (default), self, or an issuer URL "
            + "(…githubusercontent.com/SLUG = enterprise, https://HOST/_services/token = GHES, other = custom).")
    String issuer;
    @Option(names = "--jwks-layout", paramLabel = "L", description = "Enterprise issuer JWKS layout: root (default) or per-slug.")
    String jwksLayout;
    @Option(names = "--config", paramLabel = "FILE", description = "JSON config file (jobs, keys, issuer, lifetimes); see docs/emulator.md.")
    Path config;
    @Option(names = "--keys", paramLabel = "FILE", description = "Private JWK set file: loaded if present, else created, so tokens verify across restarts.")
    Path keys;
    @Option(names = "--key-count", paramLabel = "N", description = "Keys published at once when generating. Default: 2.")
    Integer keyCount;
    @Option(names = "--no-aws", description = "Do not serve the AWS IAM/STS emulation on POST / (served by default).")
    boolean noAws;
    @Option(names = "--account", paramLabel = "ID", description = "AWS account id of the emulated IAM/STS. Default: 123456789012 (or the config file's).")
    String account;
    @Option(names = "--upstream", paramLabel = "URL", description = "Gateway mode: enforce trust here, then forward allowed "
            + "AssumeRoleWithWebIdentity (and all other AWS calls) to this AWS endpoint, e.g. LocalStack's http://localhost:4566.")
    String upstream;
    @Option(names = "--env-file", paramLabel = "PATH", description = "Also write the export lines to PATH (owner-only permissions, written atomically, removed when serve stops).")
    Path envFile;
    @Mixin
    WorkflowContextOptions context;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EmulatorConfig cfg = config == null ? EmulatorConfig.empty() : ConfigLoader.load(config);
        ConfigApplier applier = new ConfigApplier(cfg, config == null ? null : config.toAbsolutePath().getParent());
        GitHubOidcEmulator.Builder b = applier.applyTo(GitHubOidcEmulator.builder());
        if (port != null) {
            if (port < 0 || port > 65535) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Invalid value for option '--port': must be 0 (any free port) to 65535, got: " + port);
            }
            b.port(port);
        }
        if (host != null) {
            b.host(host);
        }
        if (issuer != null || jwksLayout != null) {
            b.issuerMode(issuerMode());
        }
        if (keys != null) {
            b.keysFile(keys);
        }
        if (keyCount != null) {
            if (keyCount < 1 || keyCount > 16) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Invalid value for option '--key-count': must be 1 to 16, got: " + keyCount);
            }
            b.keyCount(keyCount);
        }
        b.defaultContext(context.apply(applier.defaultContext()));
        ServeAws.apply(b, spec.commandLine(), noAws, account, upstream);
        b.recordRequests(false); // long-running: keep no requests in memory (they carry tokens)
        GitHubOidcEmulator emulator = b.build();
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<String> written = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            if (written.get() != null) {
                EnvFile.removeIfOurs(envFile, written.get()); // a later reader must not find this server's token
            }
            stopped.countDown();
        }, "gha-oidc-stop"));
        try {
            emulator.start();
            applier.createJobs(emulator);
            ServeBanner.print(emulator, listenHost(cfg), spec.commandLine().getOut(), spec.commandLine().getErr());
            if (envFile != null) {
                written.set(EnvFile.write(envFile, emulator.defaultJob(), ServeAws.exportLines(emulator)));
            }
        } catch (IllegalStateException e) {
            if (!emulator.isRunning()) {
                return 0; // stopped by a signal while starting
            }
            throw e;
        }
        stopped.await();
        return 0;
    }

    private IssuerMode issuerMode() {
        IssuerMode.JwksLayout layout = null;
        if (jwksLayout != null) {
            layout = switch (jwksLayout) {
                case "root" -> IssuerMode.JwksLayout.ROOT;
                case "per-slug" -> IssuerMode.JwksLayout.PER_SLUG;
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "Invalid value for option '--jwks-layout': must be root or per-slug, got: '" + jwksLayout + "'");
            };
        }
        try {
            return IssuerMode.parse(issuer == null ? "github" : issuer, layout);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--issuer': " + e.getMessage());
        }
    }

    /** The host actually bound: {@code --host}, else the config file's, else the default. */
    private String listenHost(EmulatorConfig cfg) {
        if (host != null) {
            return host;
        }
        return cfg.server() != null && cfg.server().host() != null ? cfg.server().host() : "127.0.0.1";
    }
}
