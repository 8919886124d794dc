package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** {@code gha-oidc serve --config} in its own JVM: prints the AWS endpoint exports and serves the declared role. */
class ServeAwsIT {

    @TempDir
    Path dir;

    @Test
    void servePrintsAwsEndpointExportsAndTheConfiguredRoleIsAssumable() throws Exception {
        Path config = dir.resolve("emulator.json");
        Files.writeString(config, "{\"providers\":[{\"url\":\"https://token.actions.githubusercontent.com\","
                + "\"clientIds\":[\"sts.amazonaws.com\"]}],\"roles\":[{\"name\":\"GitHubActionsRole\",\"trustPolicy\":"
                + "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
                + "{\"token.actions.githubusercontent.com:sub\":\"repo:octo-org/octo-repo:*\"}}}]}}]}");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--config",
                config.toString()).redirectErrorStream(true).start();
        try {
            List<String> lines = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("export AWS_ENDPOINT_URL_IAM=")) {
                    break;
                }
            }
            String sts = value(lines, "export AWS_ENDPOINT_URL_STS=");
            assertThat(sts).as(String.join("\n", lines)).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(value(lines, "export AWS_ENDPOINT_URL_IAM=")).isEqualTo(sts);
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("export ACTIONS_ID_TOKEN_REQUEST_URL="));

            HttpResponse<String> minted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sts + "/_admin/mint")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"audience\":\"sts.amazonaws.com\"}")).build(), HttpResponse.BodyHandlers.ofString());
            String token = new ObjectMapper().readTree(minted.body()).path("value").asText();
            try (StsClient client = StsClient.builder().endpointOverride(URI.create(sts)).region(Region.US_EAST_2)
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
                assertThat(client.assumeRoleWithWebIdentity(r -> r
                        .roleArn("arn:aws:iam::123456789012:role/GitHubActionsRole").roleSessionName("serve")
                        .webIdentityToken(token)).assumedRoleUser().arn())
                        .isEqualTo("arn:aws:sts::123456789012:assumed-role/GitHubActionsRole/serve");
            }
        } finally {
            serve.destroy();
            if (!serve.waitFor(20, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> l.substring(prefix.length()).replace("'", "")).orElse(null);
    }
}
