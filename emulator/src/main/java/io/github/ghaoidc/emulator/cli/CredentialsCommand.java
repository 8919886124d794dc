package io.github.ghaoidc.emulator.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.token.IdTokenSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;

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
        mixinStandardHelpOptions = true)
public final class CredentialsCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { json, env }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "Role to assume (default: AWS_ROLE_ARN).")
    String roleArn;

    @Option(names = "--region", paramLabel = "REGION", description = "STS region (default: AWS_REGION, AWS_DEFAULT_REGION).")
    String region;

    @Option(names = "--session-name", paramLabel = "NAME",
            description = "Role session name, 2-64 of [\\w+=,.@-] (default: AWS_ROLE_SESSION_NAME, else from GITHUB_RUN_ID/ATTEMPT/JOB).")
    String sessionName;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Session duration, 900-43200 s (default: 3600).")
    Integer durationSeconds;

    @Option(names = "--audience", paramLabel = "AUD", description = "ID token audience (default: sts.amazonaws.com).")
    String audience;

    @Option(names = "--sts-endpoint", paramLabel = "URL",
            description = "STS endpoint (default: AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, else the region's).")
    URI stsEndpoint;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the ID token from this file instead of the GitHub Actions runtime endpoint.")
    Path tokenFile;

    @Option(names = "--chained-role-arn", paramLabel = "ARN",
            description = "Then assume this role with the first session (role chaining; duration <= 3600).")
    String chainedRoleArn;

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
        String problem = checkTokenFile();
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

    private String checkTokenFile() {
        if (tokenFile == null || Files.isRegularFile(tokenFile) && Files.isReadable(tokenFile)) {
            return null;
        }
        String reason = !Files.exists(tokenFile) ? "no such file" : Files.isDirectory(tokenFile) ? "it is a directory"
                : "it is not readable";
        return "--token-file " + tokenFile + ": " + reason + "; give a readable file holding the job's ID token "
                + "(or leave --token-file out inside a GitHub Actions job with `permissions: id-token: write`)";
    }

    private int fail(String message, int exitCode) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("gha-oidc credentials: " + message);
        err.flush();
        return exitCode;
    }

    private GitHubOidcCredentialsProvider.Builder configure() {
        var builder = GitHubOidcCredentialsProvider.builder().environment(environment).roleArn(roleArn).roleSessionName(sessionName)
                .audience(audience).stsEndpoint(stsEndpoint).chainedRoleArn(chainedRoleArn);
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (durationSeconds != null) {
            builder.sessionDuration(Duration.ofSeconds(durationSeconds));
        }
        if (tokenFile != null) {
            builder.tokenSource(IdTokenSource.fromFile(tokenFile));
        }
        return builder;
    }
}
