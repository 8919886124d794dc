package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.EnvironmentSource;
import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.token.IdTokenSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;

/**
 * The options of {@code credentials} and {@code credentials serve} that configure a
 * {@link GitHubOidcCredentialsProvider}; unset ones come from the environment as the provider reads it.
 */
final class ProviderOptions {

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

    @Option(names = "--session-policy", paramLabel = "JSON|@FILE",
            description = "Inline session policy (at most 2048 characters), or @FILE to read it from a file.")
    String sessionPolicy;

    @Option(names = "--policy-arn", paramLabel = "ARN", description = "Managed session policy ARN; repeatable (at most 10).")
    List<String> policyArns = new ArrayList<>();

    @Option(names = "--allowed-account", paramLabel = "ID",
            description = "Refuse credentials of any other account; repeatable (default: any account).")
    List<String> allowedAccounts = new ArrayList<>();

    /** A readable --token-file, or the reason it is not; null when none is given or it is fine. */
    String tokenFileProblem() {
        if (tokenFile == null || Files.isRegularFile(tokenFile) && Files.isReadable(tokenFile)) {
            return null;
        }
        String reason = !Files.exists(tokenFile) ? "no such file" : Files.isDirectory(tokenFile) ? "it is a directory"
                : "it is not readable";
        return "--token-file " + tokenFile + ": " + reason + "; give a readable file holding the job's ID token "
                + "(or leave --token-file out inside a GitHub Actions job with `permissions: id-token: write`)";
    }

    /** A provider builder with every option given (the role: {@code roleArnOverride} when not null). */
    GitHubOidcCredentialsProvider.Builder configure(EnvironmentSource environment, String roleArnOverride) {
        var builder = GitHubOidcCredentialsProvider.builder().environment(environment)
                .roleArn(roleArnOverride != null ? roleArnOverride : roleArn).roleSessionName(sessionName)
                .audience(audience).stsEndpoint(stsEndpoint).chainedRoleArn(chainedRoleArn)
                .sessionPolicy(sessionPolicy()).policyArns(policyArns).allowedAccountIds(allowedAccounts);
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

    private String sessionPolicy() {
        if (sessionPolicy == null || !sessionPolicy.startsWith("@")) {
            return sessionPolicy;
        }
        Path file = Path.of(sessionPolicy.substring(1));
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new CliException("--session-policy " + sessionPolicy + ": larger than 64 KiB; a session policy "
                        + "is at most 2048 characters");
            }
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new CliException("--session-policy " + sessionPolicy + ": cannot read the file ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")", e);
        }
    }
}
