package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine;

/** The AWS side of {@code gha-oidc serve}: the options' effect on the builder, and the export lines. */
final class ServeAws {

    private ServeAws() {
    }

    /** Enables the AWS emulation (unless {@code --no-aws}) with the config file's account, then the options. */
    static void apply(GitHubOidcEmulator.Builder builder, CommandLine cli, boolean noAws, String account,
            String upstream) {
        if (noAws) {
            if (builder.awsSettings() != null || account != null || upstream != null) {
                throw new CommandLine.ParameterException(cli, "--no-aws cannot be combined with --account, "
                        + "--upstream or the config file's aws, providers and roles sections");
            }
            return;
        }
        AwsEmulation.Builder settings = builder.awsSettings() != null ? builder.awsSettings() : AwsEmulation.builder();
        if (account != null) {
            if (!account.matches("\\d{12}")) {
                throw new CommandLine.ParameterException(cli,
                        "Invalid value for option '--account': must be 12 digits like 123456789012, got: " + account);
            }
            settings.accountId(account);
        }
        if (upstream != null) {
            settings.upstream(upstreamUri(cli, upstream));
        }
        builder.aws(settings);
    }

    private static URI upstreamUri(CommandLine cli, String upstream) {
        try {
            URI uri = new URI(upstream);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new CommandLine.ParameterException(cli, "Invalid value for option '--upstream': must be an http(s) "
                + "URL like http://localhost:4566, got: " + upstream);
    }

    /** {@code export AWS_ENDPOINT_URL_STS=…} and {@code …_IAM=…} lines, or nothing when AWS emulation is off. */
    static String exportLines(GitHubOidcEmulator emulator) {
        try {
            return "export AWS_ENDPOINT_URL_STS=" + EnvFile.quote(emulator.stsEndpoint()) + "\n"
                    + "export AWS_ENDPOINT_URL_IAM=" + EnvFile.quote(emulator.iamEndpoint()) + "\n";
        } catch (IllegalStateException e) {
            return "";
        }
    }
}
