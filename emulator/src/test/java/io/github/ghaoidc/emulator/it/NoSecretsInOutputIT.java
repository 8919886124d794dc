package io.github.ghaoidc.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.ghaoidc.core.GitHubOidcCredentialsProvider;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.Fault;
import io.github.ghaoidc.emulator.issuer.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Runs successes and failures with the provider's DEBUG logging on, captures everything written to stderr
 * (where the SLF4J simple backend logs) plus every exception message, cause and toString(), and scans it for
 * JWTs, request tokens, secret keys and session tokens.
 */
class NoSecretsInOutputIT {

    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*");

    static GitHubAndAws local;

    @BeforeAll
    static void start() {
        local = GitHubAndAws.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    final List<String> texts = new ArrayList<>();
    final List<String> secrets = new ArrayList<>();

    void record(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
        }
    }

    void run(GitHubOidcCredentialsProvider provider, Job job) {
        secrets.add(job.requestToken());
        texts.add(provider.toString());
        try (provider) {
            var credentials = (AwsSessionCredentials) provider.resolveCredentials();
            secrets.add(credentials.secretAccessKey());
            secrets.add(credentials.sessionToken());
            texts.add(credentials.toString());
        } catch (RuntimeException e) {
            record(e);
        }
    }

    @Test
    void logsMessagesAndToStringNeverContainTokensOrSecrets() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Job main = local.github.defaultJob();
            run(local.provider(main).verifyCallerIdentity(true).build(), main);
            run(local.provider(main).chainedRoleArn(local.chainedRoleArn).build(), main);
            Job other = local.github.createJob(WorkflowContext.push("octo-org/other-repo", "main"));
            run(local.provider(other).build(), other);
            Job unauthorized = local.github.createJob(WorkflowContext.push(GitHubAndAws.REPO, "main"));
            unauthorized.setFault(Fault.status(401));
            run(local.provider(unauthorized).build(), unauthorized);
            Job expired = local.github.createJob(WorkflowContext.push(GitHubAndAws.REPO, "main"));
            expired.setFault(Fault.builder().expired().build());
            run(local.provider(expired).build(), expired);
            Job brokenSignature = local.github.createJob(WorkflowContext.push(GitHubAndAws.REPO, "main"));
            brokenSignature.setFault(Fault.builder().brokenSignature().build());
            run(local.provider(brokenSignature).build(), brokenSignature);
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(logs).as("the capture really saw the provider's DEBUG logging")
                .contains("Assumed role with web identity").contains("Credentials refreshed");
        texts.add(logs);
        assertThat(texts).as("failures were exercised").anyMatch(t -> t.contains("AccessDenied"))
                .anyMatch(t -> t.contains("HTTP 401")).anyMatch(t -> t.contains("ExpiredTokenException"))
                .anyMatch(t -> t.contains("InvalidIdentityToken"));
        assertThat(secrets).hasSizeGreaterThan(6);
        for (String text : texts) {
            assertThat(JWT.matcher(text).find()).as("a JWT in: %s", text).isFalse();
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }
}
