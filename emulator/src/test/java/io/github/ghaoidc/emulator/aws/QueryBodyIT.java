package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS Query endpoint reads request bodies without blocking: a body that arrives in pieces is assembled
 * before it is parsed, and one over the 1 MiB limit gets AWS-style {@code RequestEntityTooLarge}, whether its
 * length is declared or it is chunked.
 */
class QueryBodyIT {

    private static final String ACCOUNT = "123456789012";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";
    private static final int LIMIT = 1 << 20;

    private static GitHubOidcEmulator emulator;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        emulator = GitHubOidcEmulator.builder()
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole")
                        .assumeRolePolicyDocument(Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo")).build())
                .build().start();
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String assumeRoleBody() {
        String token = emulator.mint(WorkflowContext.push("octo-org/octo-repo", "main"), "sts.amazonaws.com");
        return "Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn="
                + URLEncoder.encode(ROLE_ARN, StandardCharsets.UTF_8)
                + "&RoleSessionName=slow-sender&WebIdentityToken=" + token;
    }

    @Test
    void aBodyThatArrivesInPiecesIsAnsweredWhole() throws Exception {
        byte[] body = assumeRoleBody().getBytes(StandardCharsets.US_ASCII);
        URI endpoint = URI.create(emulator.stsEndpoint());
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: " + endpoint.getAuthority() + "\r\nConnection: close\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            int half = body.length / 2;
            out.write(body, 0, half);
            out.flush();
            Thread.sleep(300); // the server has read the first half and must wait for the rest
            out.write(body, half, body.length - half);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 200")
                    .contains("<Arn>arn:aws:sts::" + ACCOUNT + ":assumed-role/GitHubActionsRole/slow-sender</Arn>");
        }
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRequestEntityTooLarge() throws Exception {
        HttpResponse<String> response = http.send(post(HttpRequest.BodyPublishers.ofByteArray(oversize())),
                HttpResponse.BodyHandlers.ofString());

        assertTooLarge(response);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRequestEntityTooLarge() throws Exception {
        byte[] body = oversize();
        // ofInputStream has no known length, so the client sends it chunked
        HttpResponse<String> response = http.send(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body))), HttpResponse.BodyHandlers.ofString());

        assertTooLarge(response);
    }

    @Test
    void theEndpointStillAnswersAfterRefusingAnOversizeBody() throws Exception {
        http.send(post(HttpRequest.BodyPublishers.ofByteArray(oversize())), HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> response = http.send(post(HttpRequest.BodyPublishers.ofString(assumeRoleBody())),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<AssumeRoleWithWebIdentityResult>");
    }

    private static HttpRequest post(HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(emulator.stsEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(body).build();
    }

    private static byte[] oversize() {
        byte[] body = new byte[LIMIT + 1];
        byte[] start = "Action=GetCallerIdentity&Version=2011-06-15&Padding=".getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(start, 0, body, 0, start.length);
        return body;
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("<Code>RequestEntityTooLarge</Code>")
                .contains("<Message>The request body exceeds the maximum of 1048576 bytes</Message>");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }
}
