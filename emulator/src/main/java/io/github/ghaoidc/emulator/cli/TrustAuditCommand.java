package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.trust.audit.AuditReport;
import io.github.ghaoidc.core.trust.audit.TrustAuditor;
import io.github.ghaoidc.core.trust.lint.Severity;
import io.github.ghaoidc.emulator.audit.AuditReadException;
import io.github.ghaoidc.emulator.audit.IamAccountReader;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;

/**
 * {@code gha-oidc trust audit}: who can assume each role of an account, as the roles are. Reads IAM through the
 * AWS SDK ({@link IamAccountReader}) and audits in core ({@link TrustAuditor}); this class only wires options.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audits every role of an AWS account that trusts a GitHub issuer: who can assume it (anyone, "
                + "owners, repositories or nobody), whether pull requests, other branches, tags and environments get in, "
                + "legacy policies, missing OIDC providers and lint findings.",
            "Needs " + IamAccountReader.PERMISSIONS + ". Results on stdout, progress on stderr.",
            "Exit status: 0 no finding at or above --fail-on, 1 some, 2 invalid input or IAM unreachable or refusing."})
final class TrustAuditCommand implements Callable<Integer> {

    private static final int PROGRESS_EVERY = 250;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (default: the SDK's default chain).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region whose partition's IAM to read, e.g. cn-north-1 (default: aws-global).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "IAM endpoint (default: AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL, else AWS's).")
    String endpointUrl;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or markdown (default ${DEFAULT-VALUE}).",
            defaultValue = "text")
    AuditFormat format;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "error, warning or info (default ${DEFAULT-VALUE}).",
            defaultValue = "warning")
    String failOn;

    /** How the audit is printed. */
    enum AuditFormat {
        text, json, markdown
    }

    @Override
    public Integer call() {
        Severity threshold = TrustLintCommand.severity(failOn);
        URI endpoint = endpoint();
        String endpointName = endpoint != null ? endpoint.toString()
                : region == null ? "https://iam.amazonaws.com" : "the IAM endpoint of region " + region;
        PrintWriter err = spec.commandLine().getErr();
        AwsCredentialsProvider credentials = credentials();
        IamAccountReader.Account account;
        try (IamClient iam = client(endpoint, credentials)) {
            account = IamAccountReader.create(iam, endpointName).read(n -> {
                if (n >= 100) {
                    err.println("trust audit: read " + n + " roles");
                    err.flush();
                }
            });
        } catch (AuditReadException e) {
            throw new CliException(e.getMessage(), e);
        } finally {
            if (credentials instanceof AutoCloseable closeable) {
                close(closeable);
            }
        }
        int total = account.roles().size();
        AuditReport report = TrustAuditor.builder().progress(done -> {
            if (done % PROGRESS_EVERY == 0 && done < total) {
                err.println("trust audit: audited " + done + " of " + total + " roles");
                err.flush();
            }
        }).build().audit(account.accountId(), account.roles(), account.providers());
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(report.toJson());
            case markdown -> out.print(report.toMarkdown());
            default -> out.print(report.toText());
        }
        out.flush();
        return report.hasFindingAtLeast(threshold) ? 1 : 0;
    }

    private URI endpoint() {
        String url = endpointUrl != null ? endpointUrl : firstSet("AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL");
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !uri.getScheme().equals("http") && !uri.getScheme().equals("https")) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliException((endpointUrl != null ? "--endpoint-url" : "the IAM endpoint variable")
                    + " must be an http(s) URL such as https://iam.amazonaws.com, got: " + url);
        }
    }

    private static String firstSet(String... names) {
        for (String name : names) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private AwsCredentialsProvider credentials() {
        AwsCredentialsProvider provider = profile != null ? ProfileCredentialsProvider.create(profile)
                : DefaultCredentialsProvider.builder().build();
        try {
            provider.resolveCredentials();
        } catch (SdkException e) {
            if (provider instanceof AutoCloseable closeable) {
                close(closeable);
            }
            throw new CliException(profile != null
                    ? "no AWS credentials for profile " + profile + ": check it in ~/.aws/config and ~/.aws/credentials"
                    : "no AWS credentials found: set AWS_PROFILE or --profile, AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY, or run where a role provides them", e);
        }
        return provider;
    }

    private IamClient client(URI endpoint, AwsCredentialsProvider credentials) {
        IamClientBuilder builder = IamClient.builder().credentialsProvider(credentials);
        Region r = region == null ? Region.AWS_GLOBAL : Region.of(region);
        if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d+|aws-(cn-|us-gov-)?global")) {
            throw new CliException("--region must be an AWS region such as us-east-1 or cn-north-1, got: " + region);
        }
        builder.region(r);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private static void close(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing to report: the audit's result does not depend on it
        }
    }
}
