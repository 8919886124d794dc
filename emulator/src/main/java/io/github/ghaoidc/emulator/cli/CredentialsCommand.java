package io.github.ghaoidc.emulator.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.GitHubOidcException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * {@code gha-oidc credentials}: one exchange with {@link GitHubOidcCredentialsProvider}, printed as AWS
 * {@code credential_process} JSON (or shell {@code export} lines). Errors are one line on stderr: exit 2 for
 * configuration or input the user must fix (naming the flag or environment variable), 1 for a failed exchange.
 */
@Command(name = "credentials",
        description = {"Print AWS credentials for this GitHub Actions job as credential_process JSON "
                + "(Version 1, AccessKeyId, SecretAccessKey, SessionToken, Expiration).",
                "Unset options come from the environment: AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME, AWS_REGION, "
                        + "AWS_ENDPOINT_URL_STS, ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, AWS_WEB_IDENTITY_TOKEN_FILE.",
                "Exit status: 0 printed, 1 the exchange failed, 2 bad input or configuration."},
        mixinStandardHelpOptions = true, subcommands = CredentialsServeCommand.class)
public final class CredentialsCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { json, env }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ProviderOptions options;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
            description = "json (credential_process, default) or env (export lines).")
    Format format;

    @Option(names = "--mask", negatable = true,
            description = {"With --format env, first print shell lines that echo GitHub's ::add-mask:: for the "
                    + "secret key and session token (default: on when GITHUB_ACTIONS=true). Never with json, "
                    + "which must be pure JSON."})
    Boolean mask;

    /** Where unset options and GITHUB_ACTIONS are read; tests replace it instead of mutating the process. */
    EnvironmentSource environment = EnvironmentSource.system();

    @Override
    public Integer call() {
        if (format == Format.json && Boolean.TRUE.equals(mask)) {
            return fail("--mask applies to --format env only: credential_process output must be pure JSON, "
                    + "and the AWS tool reading it never prints the credentials", CliException.EXIT_INPUT);
        }
        String problem = options.tokenFileProblem();
        if (problem != null) {
            return fail(problem, CliException.EXIT_INPUT);
        }
        GitHubOidcCredentialsProvider provider;
        try {
            provider = configure().build();
        } catch (GitHubOidcException | IllegalArgumentException e) {
            return fail(CredentialsErrors.invalidFlag(e.getMessage()), CliException.EXIT_INPUT);
        }
        try (provider) {
            AwsCredentials credentials = provider.resolveCredentials();
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.env ? CredentialsOutput.env(credentials, masking()) : CredentialsOutput.json(credentials));
            out.flush();
            return 0;
        } catch (GitHubOidcException e) {
            return e.isConfigurationError() ? fail(CredentialsErrors.deferred(e.getMessage()), CliException.EXIT_INPUT)
                    : fail(CredentialsErrors.oneLine(e.getMessage()), CliFailure.EXIT_FAILURE);
        }
    }

    /** Explicit --mask/--no-mask, else on inside a GitHub Actions job. */
    private boolean masking() {
        return mask != null ? mask : environment.environmentVariable("GITHUB_ACTIONS").filter("true"::equals).isPresent();
    }

    private int fail(String message, int exitCode) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("gha-oidc credentials: " + message);
        err.flush();
        return exitCode;
    }

    private GitHubOidcCredentialsProvider.Builder configure() {
        return options.configure(environment, null);
    }
}
