package io.github.ghaoidc.emulator.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

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
 * {@code credential_process} JSON (or shell {@code export} lines). Errors are one line on stderr.
 */
@Command(name = "credentials",
        description = {"Print AWS credentials for this GitHub Actions job as credential_process JSON "
                + "(Version 1, AccessKeyId, SecretAccessKey, SessionToken, Expiration).",
                "Unset options come from the environment: AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME, AWS_REGION, "
                        + "AWS_ENDPOINT_URL_STS, ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN, AWS_WEB_IDENTITY_TOKEN_FILE."},
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

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        GitHubOidcCredentialsProvider provider;
        try {
            provider = configure().build();
        } catch (GitHubOidcException | IllegalArgumentException e) {
            err.println("gha-oidc credentials: " + e.getMessage());
            err.flush();
            return GhaOidcCommand.EXIT_USAGE;
        }
        try (provider) {
            AwsCredentials credentials = provider.resolveCredentials();
            PrintWriter out = spec.commandLine().getOut();
            out.print(format == Format.env ? CredentialsOutput.env(credentials) : CredentialsOutput.json(credentials));
            out.flush();
            return 0;
        } catch (GitHubOidcException e) {
            err.println("gha-oidc credentials: " + e.getMessage().replaceAll("\\s+", " "));
            err.flush();
            return GhaOidcCommand.EXIT_FAILURE;
        }
    }

    private GitHubOidcCredentialsProvider.Builder configure() {
        var builder = GitHubOidcCredentialsProvider.builder().roleArn(roleArn).roleSessionName(sessionName)
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
