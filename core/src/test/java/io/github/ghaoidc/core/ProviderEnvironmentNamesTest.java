package io.github.ghaoidc.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

import io.github.ghaoidc.core.testing.CountingTokenSource;
import io.github.ghaoidc.core.testing.FakeSts;
import io.github.ghaoidc.core.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Every environment name of docs/credentials-provider.md's option table, read through an injected
 * {@link EnvironmentSource}: each system property twin works on its own and beats its environment variable.
 * Effective settings are observed through {@code toString()}, the STS request, the token endpoint's request,
 * or the endpoint named by a network failure's diagnostic.
 */
class ProviderEnvironmentNamesTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/GitHubActionsRole";

    final FakeSts sts = new FakeSts();
    final CountingTokenSource tokens = CountingTokenSource.subject("repo:o/r:ref:refs/heads/main");

    static EnvironmentSource env(Map<String, String> variables, Map<String, String> properties) {
        return EnvironmentSource.of(variables, properties);
    }

    static String describe(EnvironmentSource environment) {
        try (var provider = GitHubOidcCredentialsProvider.builder().environment(environment).build()) {
            return provider.toString();
        }
    }

    @Test
    void regionComesFromAwsRegionThenAwsDefaultRegionProperties() {
        assertThat(describe(env(Map.of(), Map.of("aws.region", "eu-west-1")))).contains("region=eu-west-1");
        assertThat(describe(env(Map.of(), Map.of("aws.defaultRegion", "eu-west-2")))).contains("region=eu-west-2");
        assertThat(describe(env(Map.of("AWS_REGION", "us-east-2"), Map.of("aws.region", "eu-west-1"))))
                .contains("region=eu-west-1");
        assertThat(describe(env(Map.of("AWS_DEFAULT_REGION", "us-east-2"), Map.of("aws.defaultRegion", "eu-west-2"))))
                .contains("region=eu-west-2");
    }

    @Test
    void audienceComesFromTheGhaoidcAudienceProperty() {
        assertThat(describe(env(Map.of(), Map.of("ghaoidc.audience", "prop-aud")))).contains("audience=prop-aud,");
        assertThat(describe(env(Map.of("GHA_OIDC_AUDIENCE", "env-aud"), Map.of("ghaoidc.audience", "prop-aud"))))
                .contains("audience=prop-aud,");
        assertThat(describe(env(Map.of("GHA_OIDC_AUDIENCE", "env-aud"), Map.of()))).contains("audience=env-aud,");
    }

    @Test
    void tokenFileComesFromTheAwsWebIdentityTokenFileProperty() {
        assertThat(describe(env(Map.of(), Map.of("aws.webIdentityTokenFile", "/run/prop-token"))))
                .contains("tokenSource=FileIdTokenSource[file=" + Path.of("/run/prop-token") + "]");
        assertThat(describe(env(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", "/run/env-token"),
                Map.of("aws.webIdentityTokenFile", "/run/prop-token"))))
                .contains("FileIdTokenSource[file=" + Path.of("/run/prop-token") + "]");
    }

    @Test
    void sessionNameAndDurationComeFromTheirProperties() {
        var environment = env(Map.of("AWS_ROLE_SESSION_NAME", "from-env", "GHA_OIDC_DURATION_SECONDS", "1800"),
                Map.of("aws.roleArn", ROLE, "aws.roleSessionName", "from-prop", "ghaoidc.durationSeconds", "7200"));
        try (var provider = GitHubOidcCredentialsProvider.builder().environment(environment).stsClient(sts)
                .tokenSource(tokens).build()) {
            provider.resolveCredentials();
        }
        assertThat(sts.webRequests()).singleElement().satisfies(r -> {
            assertThat(r.roleSessionName()).isEqualTo("from-prop");
            assertThat(r.durationSeconds()).isEqualTo(7200);
        });
    }

    @Test
    void durationComesFromTheEnvironmentVariableWithoutAProperty() {
        try (var provider = GitHubOidcCredentialsProvider.builder().environment(env(
                Map.of("AWS_ROLE_ARN", ROLE, "GHA_OIDC_DURATION_SECONDS", "1800"), Map.of())).stsClient(sts)
                .tokenSource(tokens).build()) {
            provider.resolveCredentials();
        }
        assertThat(sts.webRequests().get(0).durationSeconds()).isEqualTo(1800);
    }

    /** Which endpoint the provider's own STS client called, from the diagnostic of a refused connection. */
    String endpointUsed(Map<String, String> variables, Map<String, String> properties) {
        Map<String, String> withRole = new HashMap<>(variables);
        withRole.put("AWS_ROLE_ARN", ROLE);
        withRole.put("AWS_REGION", "us-east-2");
        try (var provider = GitHubOidcCredentialsProvider.builder().environment(env(withRole, properties))
                .tokenSource(tokens).maxAttempts(1).build()) {
            Throwable failure = catchThrowable(provider::resolveCredentials);
            assertThat(failure).isInstanceOf(GitHubOidcException.class);
            var m = Pattern.compile("the STS endpoint (\\S+) is reachable").matcher(failure.getMessage());
            assertThat(m.find()).as("a reachability hint in: %s", failure.getMessage()).isTrue();
            return m.group(1);
        }
    }

    static String closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void stsEndpointFallsBackToAwsEndpointUrlThenTakesPropertiesFirst() {
        String a = closedPort();
        String b = closedPort() + "/b";
        assertThat(endpointUsed(Map.of("AWS_ENDPOINT_URL", a), Map.of())).isEqualTo(a);
        assertThat(endpointUsed(Map.of("AWS_ENDPOINT_URL", b, "AWS_ENDPOINT_URL_STS", a), Map.of())).isEqualTo(a);
        assertThat(endpointUsed(Map.of(), Map.of("aws.endpointUrl", a))).isEqualTo(a);
        assertThat(endpointUsed(Map.of(), Map.of("aws.endpointUrlSts", a, "aws.endpointUrl", b))).isEqualTo(a);
        assertThat(endpointUsed(Map.of("AWS_ENDPOINT_URL_STS", b), Map.of("aws.endpointUrlSts", a))).isEqualTo(a);
        assertThat(endpointUsed(Map.of("AWS_ENDPOINT_URL", b), Map.of("aws.endpointUrl", a))).isEqualTo(a);
    }

    @Test
    void tokenEndpointAndRequestTokenComeFromTheirPropertiesBeforeTheRunnersVariables() throws IOException {
        String requestToken = TestTokens.requestToken(Instant.now().plusSeconds(3600));
        var authorizations = new ConcurrentLinkedQueue<String>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"value\":\"" + TestTokens.idToken("repo:o/r:ref:refs/heads/main") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/idtoken?api-version=2.0";
            var environment = env(Map.of("AWS_ROLE_ARN", ROLE, "ACTIONS_ID_TOKEN_REQUEST_URL", closedPort() + "/env",
                            "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "env-request-token"),
                    Map.of("ghaoidc.idTokenRequestUrl", url, "ghaoidc.idTokenRequestToken", requestToken));
            try (var provider = GitHubOidcCredentialsProvider.builder().environment(environment).stsClient(sts).build()) {
                assertThat(provider.toString()).contains("tokenSource=GitHubActionsIdTokenSource[host=127.0.0.1]");
                provider.resolveCredentials();
            }
        } finally {
            server.stop(0);
        }
        assertThat(authorizations).containsExactly("Bearer " + requestToken);
        assertThat(sts.webIdentityCalls()).isEqualTo(1);
    }

    @Test
    void aRequestTokenPropertyAloneSatisfiesTheRequestUrlVariable() {
        var environment = env(Map.of("AWS_ROLE_ARN", ROLE, "ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.example/idtoken"),
                Map.of("ghaoidc.idTokenRequestToken", TestTokens.requestToken(Instant.now().plusSeconds(3600))));
        try (var without = GitHubOidcCredentialsProvider.builder().environment(env(
                Map.of("AWS_ROLE_ARN", ROLE, "ACTIONS_ID_TOKEN_REQUEST_URL", "https://pipelines.example/idtoken"),
                Map.of())).stsClient(sts).build();
             var with = GitHubOidcCredentialsProvider.builder().environment(environment).stsClient(sts).build()) {
            assertThatThrownBy(without::resolveCredentials).hasMessageContaining("ACTIONS_ID_TOKEN_REQUEST_TOKEN is not set");
            assertThat(with.toString()).contains("tokenSource=GitHubActionsIdTokenSource[host=pipelines.example]");
        }
    }

    @Test
    void unconfiguredProviderFailsWithAConfigurationError() {
        try (var provider = GitHubOidcCredentialsProvider.builder().environment(env(Map.of(), Map.of())).build()) {
            assertThatThrownBy(provider::resolveCredentials).isInstanceOfSatisfying(GitHubOidcException.class,
                    e -> assertThat(e.isConfigurationError()).isTrue())
                    .hasMessageContaining("pass roleArn(...)").hasMessageContaining("pass region(...)");
        }
    }

    @Test
    void aMissingTokenFileFromTheEnvironmentNamesTheVariable() {
        try (var provider = GitHubOidcCredentialsProvider.builder().environment(env(
                Map.of("AWS_ROLE_ARN", ROLE, "AWS_WEB_IDENTITY_TOKEN_FILE", "/nonexistent/token"), Map.of()))
                .stsClient(sts).build()) {
            assertThatThrownBy(provider::resolveCredentials).isInstanceOfSatisfying(GitHubOidcException.class,
                    e -> assertThat(e.isConfigurationError()).isTrue())
                    .hasMessageContaining("no such file")
                    .hasMessageContaining("check that AWS_WEB_IDENTITY_TOKEN_FILE (or -Daws.webIdentityTokenFile) names")
                    .hasMessageNotContaining("Exception");
        }
        assertThat(sts.webIdentityCalls()).isZero();
    }
}
