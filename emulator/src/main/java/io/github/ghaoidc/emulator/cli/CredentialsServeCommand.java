package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.emulator.credentials.ContainerCredentialsServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gha-oidc credentials serve}: the container credentials endpoint for every AWS tool of a GitHub Actions job,
 * in the foreground until SIGTERM/SIGINT. The endpoint itself is {@link ContainerCredentialsServer}; this class
 * turns the options into providers and hands the variables on (stdout, {@code --env-file}, {@code --github-env}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve AWS credentials for this GitHub Actions job to every AWS tool of the job (AWS CLI, SDKs, "
                + "Terraform) through the container credentials endpoint they all read (AWS_CONTAINER_CREDENTIALS_FULL_URI "
                + "+ AWS_CONTAINER_AUTHORIZATION_TOKEN), refreshing for the whole job. Runs in the foreground (start it "
                + "with &); stops on Ctrl-C / SIGTERM.",
            "Prints the export lines; --github-env hands them to later steps. Exit status: 0 stopped, 2 bad input."})
final class CredentialsServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProviderOptions options;

    @Option(names = "--role", paramLabel = "NAME=ARN",
            description = "A role to serve at /roles/NAME; repeatable, the first is the default (default: "
                    + "default=--role-arn or AWS_ROLE_ARN).")
    Map<String, String> roles = new LinkedHashMap<>();

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Loopback interface to bind (default ${DEFAULT-VALUE}); anything else is refused.")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port; 0 picks a free one (default).")
    int port;

    @Option(names = "--auth-token-file", paramLabel = "PATH",
            description = "Also write the authorization token to PATH (mode 600) and hand on "
                    + "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE instead of the token; removed on exit.")
    Path authTokenFile;

    @Option(names = "--env-file", paramLabel = "PATH",
            description = "Also write the export lines to PATH (mode 600, written atomically, removed on exit).")
    Path envFile;

    @Option(names = "--github-env", description = "Append NAME=value lines to $GITHUB_ENV so later steps of the job see them.")
    boolean githubEnv;

    @Option(names = "--stale-time", paramLabel = "SECONDS",
            description = "Refresh, blocking, when credentials expire within this (default: a third of the session, at "
                    + "most 15 min, so a served answer always outlives the SDKs' own refresh window).")
    Integer staleSeconds;

    @Option(names = "--prefetch-time", paramLabel = "SECONDS",
            description = "Refresh in the background of one request from this long before expiry (default: half the "
                    + "session, at most 20 min).")
    Integer prefetchSeconds;

    @Option(names = "--mask", negatable = true,
            description = "Print ::add-mask:: for the authorization token first (default: on when GITHUB_ACTIONS=true).")
    Boolean mask;

    /** Where unset options and GITHUB_* are read; tests replace it instead of mutating the process. */
    EnvironmentSource environment = EnvironmentSource.system();

    @Override
    public Integer call() throws InterruptedException {
        String problem = options.tokenFileProblem();
        if (problem != null) {
            throw new CliException(problem);
        }
        Map<String, String> served = servedRoles();
        List<GitHubOidcCredentialsProvider> providers = new ArrayList<>();
        ContainerCredentialsServer server;
        try {
            ContainerCredentialsServer.Builder builder = ContainerCredentialsServer.builder().host(host).port(port);
            for (Map.Entry<String, String> role : served.entrySet()) {
                GitHubOidcCredentialsProvider provider = provider(role.getValue());
                providers.add(provider);
                builder.role(role.getKey(), role.getValue(), provider, prefetch());
            }
            server = builder.build();
        } catch (GitHubOidcException | IllegalArgumentException e) {
            providers.forEach(GitHubOidcCredentialsProvider::close);
            throw new CliException(CredentialsErrors.invalidFlag(e.getMessage()), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ServeHandOff handOff = new ServeHandOff(envFile, authTokenFile);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            providers.forEach(GitHubOidcCredentialsProvider::close);
            handOff.remove();
            stopped.countDown();
        }, "gha-oidc-credentials-stop"));
        server.start();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ShadowingCredentials.warn(environment, err);
        Map<String, String> variables = handOff.variables(server);
        if (masking()) {
            out.println("::add-mask::" + server.authorizationToken());
        }
        out.println("# gha-oidc credentials endpoint on " + server.defaultUrl().substring(0,
                server.defaultUrl().indexOf("/roles/")) + " serving " + String.join(", ", server.roleNames().stream()
                        .map(r -> "/roles/" + r + " (" + served.get(r) + ")").toList()) + "; stop with Ctrl-C");
        String exports = handOff.exportLines(variables);
        if (githubEnv) {
            handOff.appendGitHubEnv(environment, variables);
        }
        // the env file last: whoever waits for it (a script, a test) finds $GITHUB_ENV already written
        handOff.writeEnvFile(exports);
        if (envFile == null && !githubEnv && authTokenFile == null) {
            out.print(exports); // nowhere else to hand them: printing the token is the point, as serve does
        } else {
            out.println("export " + ServeHandOff.FULL_URI + "=" + EnvFile.quote(server.defaultUrl()));
            out.println("# the authorization token is not printed: it is in " + String.join(" and ", where()));
        }
        out.flush();
        stopped.await();
        return 0;
    }

    private List<String> where() {
        List<String> where = new ArrayList<>();
        if (envFile != null) {
            where.add(envFile.toString());
        }
        if (authTokenFile != null) {
            where.add(authTokenFile.toString());
        }
        if (githubEnv) {
            where.add("$GITHUB_ENV");
        }
        return where;
    }

    private Map<String, String> servedRoles() {
        if (!roles.isEmpty()) {
            if (options.roleArn != null) {
                throw new CliException("give either --role-arn or --role NAME=ARN, not both (--role-arn serves as "
                        + "--role default=ARN)");
            }
            return roles;
        }
        String arn = options.roleArn != null ? options.roleArn : environment.environmentVariable("AWS_ROLE_ARN").orElse(null);
        if (arn == null) {
            throw new CliException("missing the role: give --role-arn ARN or --role NAME=ARN (or set AWS_ROLE_ARN)");
        }
        return Map.of("default", arn);
    }

    private GitHubOidcCredentialsProvider provider(String roleArn) {
        return options.configure(environment, roleArn).staleTime(stale()).prefetchTime(prefetch())
                .githubLogMasking(false).build();
    }

    private Duration session() {
        return Duration.ofSeconds(options.durationSeconds != null ? options.durationSeconds : 3600);
    }

    private Duration stale() {
        return staleSeconds != null ? Duration.ofSeconds(staleSeconds) : min(Duration.ofMinutes(15), session().dividedBy(3));
    }

    private Duration prefetch() {
        Duration prefetch = prefetchSeconds != null ? Duration.ofSeconds(prefetchSeconds)
                : min(Duration.ofMinutes(20), session().dividedBy(2));
        return prefetch.compareTo(stale()) < 0 ? stale() : prefetch;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private boolean masking() {
        return mask != null ? mask : environment.environmentVariable("GITHUB_ACTIONS").filter("true"::equals).isPresent();
    }
}
