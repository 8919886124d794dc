package io.github.ghaoidc.benchmarks;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * AssumeRoleWithWebIdentity over HTTP against the emulator with in-process keys (the reference scenario's role):
 * token decode, provider lookup, RS256 verification, trust evaluation with explanation, credential issuance and
 * the XML response. 16 concurrent clients. Throughput gives requests/s; SampleTime gives the p99 latency.
 * The teardown prints the number of remembered sessions and heap in use (memory must stay flat).
 */
@State(Scope.Benchmark)
@Threads(16)
public class AwsStsBenchmark {

    private static final String ACCOUNT = "123456789012";

    private GitHubOidcEmulator emulator;
    private HttpClient http;
    private HttpRequest request;

    @Setup(Level.Trial)
    public void start() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                + "{\"token.actions.githubusercontent.com:sub\":\"repo:octo-org/octo-repo:*\"}}}]}";
        emulator = GitHubOidcEmulator.builder()
                .aws(AwsEmulation.builder().accountId(ACCOUNT))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole").assumeRolePolicyDocument(policy).build())
                .build().start();
        String token = emulator.mint(WorkflowContext.push("octo-org/octo-repo", "main"), "sts.amazonaws.com");
        String body = "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleSessionName=bench"
                + "&RoleArn=" + URLEncoder.encode("arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole", StandardCharsets.UTF_8)
                + "&WebIdentityToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        request = HttpRequest.newBuilder(URI.create(emulator.stsEndpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("%n[aws-sts] remembered sessions=%d, heap used=%d MiB%n",
                emulator.aws().issuedSessionCount(), (rt.totalMemory() - rt.freeMemory()) >> 20);
        emulator.close();
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int assumeRoleWithWebIdentity() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("AssumeRoleWithWebIdentity answered HTTP " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length;
    }
}
