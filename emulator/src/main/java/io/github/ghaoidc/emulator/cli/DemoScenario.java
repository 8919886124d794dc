package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.TrustDecisionRecord;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** Runs the demo's attempts against a started emulator over HTTP and prints each outcome (no secrets). */
final class DemoScenario {

    record Attempt(String description, WorkflowContext context, String audience) {
    }

    private final GitHubOidcEmulator emulator;
    private final String account;
    private final PrintWriter out;
    private final boolean explain;

    DemoScenario(GitHubOidcEmulator emulator, String account, PrintWriter out, boolean explain) {
        this.emulator = emulator;
        this.account = account;
        this.out = out;
        this.explain = explain;
    }

    static String referencePolicy(String account, String repository) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::" + account + ":oidc-provider/token.actions.githubusercontent.com\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                + "{\"token.actions.githubusercontent.com:sub\":\"repo:" + repository + ":*\"}}}]}";
    }

    void run(List<Attempt> attempts) {
        URI endpoint = URI.create(emulator.stsEndpoint());
        try (StsClient sts = client(endpoint, null)) {
            for (Attempt attempt : attempts) {
                String token = emulator.mint(attempt.context(), attempt.audience());
                out.println(attempt.description());
                out.println("    sub " + emulator.claims(attempt.context(), attempt.audience()).subject()
                        + ", aud " + attempt.audience());
                try {
                    Credentials credentials = sts.assumeRoleWithWebIdentity(r -> r
                            .roleArn("arn:aws:iam::" + account + ":role/GitHubActionsRole")
                            .roleSessionName("GithubActionsSession").webIdentityToken(token)).credentials();
                    try (StsClient signed = client(endpoint, credentials)) {
                        out.println("    GRANTED  " + credentials.accessKeyId() + ", expires "
                                + credentials.expiration() + "; GetCallerIdentity: " + signed.getCallerIdentity().arn());
                    }
                } catch (StsException e) {
                    out.println("    REFUSED  " + e.awsErrorDetails().errorCode() + " (HTTP " + e.statusCode() + "): "
                            + e.awsErrorDetails().errorMessage());
                    reason(e);
                }
            }
        }
    }

    private void reason(StsException e) {
        if (!"AccessDenied".equals(e.awsErrorDetails().errorCode())) {
            return;
        }
        List<TrustDecisionRecord> decisions = emulator.aws().decisions();
        if (decisions.isEmpty()) {
            return;
        }
        TrustDecisionRecord latest = decisions.get(0);
        String[] lines = latest.explanation().split("\n");
        out.println("    why      " + latest.decision() + " — " + (explain ? "" : firstFailure(lines)));
        if (explain) {
            for (String line : lines) {
                out.println("             " + line);
            }
        }
    }

    /** The first failed check of the explanation with the values it compared, on one line. */
    private static String firstFailure(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("NOT ")) {
                StringBuilder why = new StringBuilder(lines[i].trim());
                for (int j = i + 1; j < lines.length && lines[j].startsWith("    "); j++) {
                    why.append("; ").append(lines[j].trim());
                }
                return why.toString();
            }
        }
        return lines.length > 0 ? lines[0].trim() : "";
    }

    private static StsClient client(URI endpoint, Credentials credentials) {
        return StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_2)
                .credentialsProvider(credentials == null ? AnonymousCredentialsProvider.create()
                        : StaticCredentialsProvider.create(AwsSessionCredentials.create(credentials.accessKeyId(),
                                credentials.secretAccessKey(), credentials.sessionToken())))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
