package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.RecordedRequest;
import io.github.ghaoidc.emulator.support.JarCli;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code gha-oidc trust audit} as a user runs it: the standalone jar, the default credentials chain, IAM at
 * {@code AWS_ENDPOINT_URL_IAM} / {@code --endpoint-url} / a {@code --profile}, against an emulated account whose roles
 * were created through the AWS SDK, the AWS CLI and (the legacy one) the facade.
 */
class TrustAuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCOUNT = "123456789012";
    private static final String K = "token.actions.githubusercontent.com";
    private static final String PROVIDER = "arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + K;
    private static final String AUD = "\"" + K + ":aud\":\"sts.amazonaws.com\"";

    private static GitHubOidcEmulator emulator;

    @TempDir
    static Path home;

    static String gitHub(String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + PROVIDER + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{" + condition + "}}]}";
    }

    @BeforeAll
    static void start() throws Exception {
        emulator = GitHubOidcEmulator.builder().aws(AwsEmulation.builder().accountId(ACCOUNT))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("LegacyAudOnly").assumeRolePolicyDocument(
                        gitHub("\"StringEquals\":{" + AUD + "}")).legacy(true).build())
                .build().start();
        try (IamClient iam = StsClients.iam(URI.create(emulator.stsEndpoint()))) {
            iam.createRole(r -> r.roleName("OrgWide").assumeRolePolicyDocument(gitHub("\"StringEquals\":{" + AUD
                    + "},\"StringLike\":{\"" + K + ":sub\":\"repo:octo-org/*\"}")));
            iam.createRole(r -> r.roleName("Hardened").assumeRolePolicyDocument(gitHub("\"StringEquals\":{" + AUD + ",\""
                    + K + ":sub\":\"repo:octo-org/app:ref:refs/heads/main\"}")));
            iam.createRole(r -> r.roleName("CiAccount").assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},"
                    + "\"Action\":\"sts:AssumeRole\"}]}"));
        }
        String reference = gitHub("\"StringEquals\":{" + AUD + "},\"StringLike\":{\"" + K + ":sub\":\"repo:octo-org/app:*\"}");
        if (AwsCli.find() != null) {
            AwsCli.Result created = new AwsCli(Files.createDirectories(home.resolve("awscli"))).run(
                    Map.of("AWS_ACCESS_KEY_ID", "AKIAAUDITEXAMPLE0001", "AWS_SECRET_ACCESS_KEY", "dummy"),
                    "iam", "create-role", "--role-name", "Reference", "--assume-role-policy-document", reference,
                    "--endpoint-url", emulator.stsEndpoint());
            assertThat(created.exitCode()).as(created.stderr()).isZero();
        } else {
            System.out.println("TrustAuditIT: no aws on PATH, the Reference role is created with the AWS SDK instead");
            try (IamClient iam = StsClients.iam(URI.create(emulator.stsEndpoint()))) {
                iam.createRole(r -> r.roleName("Reference").assumeRolePolicyDocument(reference));
            }
        }
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Map<String, String> keys() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "AKIAAUDITEXAMPLE0001");
        env.put("AWS_SECRET_ACCESS_KEY", "dummy-secret");
        return env;
    }

    private static JsonNode role(JsonNode report, String name) {
        for (JsonNode role : report.get("roles")) {
            if (role.get("name").asText().equals(name)) {
                return role;
            }
        }
        throw new AssertionError("no role " + name + " in " + report);
    }

    private static List<String> strings(JsonNode array) {
        return JSON.convertValue(array, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    @Test
    void auditReportsEachGitHubRoleAsItIsAndSkipsTheOthers() throws Exception {
        Map<String, String> env = keys();
        env.put("AWS_ENDPOINT_URL_IAM", emulator.stsEndpoint());

        JarCli.Result run = JarCli.run(home, env, "trust", "audit", "--format", "json");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("account").asText()).isEqualTo(ACCOUNT);
        assertThat(report.get("skipped").asInt()).isEqualTo(1);
        assertThat(report.get("roles")).extracting(r -> r.get("name").asText())
                .containsExactly("Hardened", "LegacyAudOnly", "OrgWide", "Reference");
        JsonNode legacy = role(report, "LegacyAudOnly");
        assertThat(legacy.get("exposure").asText()).isEqualTo("anyone");
        assertThat(legacy.get("legacy").asBoolean()).isTrue();
        JsonNode orgWide = role(report, "OrgWide");
        assertThat(orgWide.get("exposure").asText()).isEqualTo("owners");
        assertThat(strings(orgWide.get("owners"))).containsExactly("octo-org");
        JsonNode reference = role(report, "Reference");
        assertThat(reference.get("exposure").asText()).isEqualTo("repositories");
        assertThat(strings(reference.get("repositories"))).containsExactly("octo-org/app");
        assertThat(reference.get("pullRequests").asBoolean()).isTrue();
        JsonNode hardened = role(report, "Hardened");
        assertThat(hardened.get("exposure").asText()).isEqualTo("repositories");
        assertThat(strings(hardened.get("repositories"))).containsExactly("octo-org/app");
        assertThat(hardened.get("pullRequests").asBoolean()).isFalse();
        assertThat(hardened.get("legacy").asBoolean()).isFalse();
        assertThat(run.out() + run.err()).doesNotContain("dummy-secret");
    }

    @Test
    void markdownThroughEndpointUrlIsATableForTheStepSummary() throws Exception {
        JarCli.Result run = JarCli.run(home, keys(), "trust", "audit", "--endpoint-url", emulator.stsEndpoint(),
                "--format", "markdown", "--fail-on", "error");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("## GitHub OIDC trust audit of account " + ACCOUNT)
                .contains("| LegacyAudOnly | anyone (a workflow of an owner the policy never names gets in) |")
                .contains("| Hardened | repositories [octo-org/app] |  | no | 0 |");
    }

    @Test
    void auditReadsCredentialsFromANamedProfile() throws Exception {
        Path config = Files.writeString(home.resolve("profile-config"), "[profile audit]\nregion = us-east-1\n");
        Path credentials = Files.writeString(home.resolve("profile-credentials"),
                "[audit]\naws_access_key_id = AKIAAUDITEXAMPLE0002\naws_secret_access_key = dummy\n");
        Map<String, String> env = new HashMap<>();
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());

        JarCli.Result run = JarCli.run(home, env, "trust", "audit", "--profile", "audit",
                "--endpoint-url", emulator.stsEndpoint(), "--fail-on", "error");

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("account " + ACCOUNT + ": 4 roles trust GitHub, 1 other role skipped\n");
    }

    @Test
    void aThousandRolesArePagedAndAudited() throws Exception {
        try (GitHubOidcEmulator many = GitHubOidcEmulator.builder().aws(AwsEmulation.builder().accountId(ACCOUNT))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions()).build().start()) {
            for (int i = 0; i < 1000; i++) {
                many.aws().createRole(RoleDefinition.builder().roleName(String.format("app-%04d", i))
                        .assumeRolePolicyDocument(gitHub("\"StringEquals\":{" + AUD + ",\"" + K + ":sub\":\"repo:octo-org/app-"
                                + i + ":ref:refs/heads/main\"}")).build());
            }
            while (many.takeRequest(0, TimeUnit.SECONDS) != null) {
                // only the audit's requests count below
            }
            Map<String, String> env = keys();
            env.put("AWS_ENDPOINT_URL_IAM", many.stsEndpoint());

            JarCli.Result run = JarCli.run(home, env, "trust", "audit", "--format", "json", "--fail-on", "error");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(JSON.readTree(run.out()).get("roles")).hasSize(1000);
            assertThat(run.err()).contains("trust audit: read 1000 roles").contains("audited 750 of 1000 roles");
            int listRoles = 0;
            for (RecordedRequest r = many.takeRequest(0, TimeUnit.SECONDS); r != null;
                    r = many.takeRequest(0, TimeUnit.SECONDS)) {
                listRoles += r.body() != null && r.body().contains("Action=ListRoles") ? 1 : 0;
            }
            assertThat(listRoles).isEqualTo(10);
        }
    }

    @Test
    void theAwsCliListsAllThousandRolesThroughTheEmulatorsPaging() throws Exception {
        assumeThat(AwsCli.find()).as("the AWS CLI is on PATH (.ci/run installs it)").isNotNull();
        try (GitHubOidcEmulator many = GitHubOidcEmulator.builder().aws(AwsEmulation.builder().accountId(ACCOUNT))
                .build().start()) {
            for (int i = 0; i < 1000; i++) {
                many.aws().createRole(RoleDefinition.builder().roleName(String.format("r-%04d", i))
                        .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                                + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}")
                        .build());
            }
            AwsCli.Result listed = new AwsCli(Files.createDirectories(home.resolve("awscli-many"))).run(
                    Map.of("AWS_ACCESS_KEY_ID", "AKIAAUDITEXAMPLE0001", "AWS_SECRET_ACCESS_KEY", "dummy"),
                    "iam", "list-roles", "--query", "length(Roles)", "--endpoint-url", many.stsEndpoint());

            assertThat(listed.exitCode()).as(listed.stderr()).isZero();
            assertThat(listed.stdout().trim()).isEqualTo("1000");
        }
    }

    @Test
    void unreachableIamIsOneLineNamingTheEndpoint() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        JarCli.Result run = JarCli.run(home, keys(), "trust", "audit", "--endpoint-url", "http://127.0.0.1:" + port);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("gha-oidc: cannot reach IAM at http://127.0.0.1:" + port
                + " for iam:ListOpenIDConnectProviders: ").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void accessDeniedNamesThePermissionsTheAuditNeeds() throws Exception {
        HttpServer iam = fakeIam(403, "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error>"
                + "<Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::" + ACCOUNT + ":user/ci is not "
                + "authorized to perform: iam:ListOpenIDConnectProviders</Message></Error><RequestId>1</RequestId>"
                + "</ErrorResponse>", null);
        try {
            String url = "http://127.0.0.1:" + iam.getAddress().getPort();
            JarCli.Result run = JarCli.run(home, keys(), "trust", "audit", "--endpoint-url", url);

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains("IAM at " + url + " refused iam:ListOpenIDConnectProviders (AccessDenied: "
                    + "User: arn:aws:iam::" + ACCOUNT + ":user/ci is not authorized")
                    .contains("the audit needs iam:ListRoles, iam:ListOpenIDConnectProviders and "
                            + "iam:GetOpenIDConnectProvider");
        } finally {
            iam.stop(0);
        }
    }

    @Test
    void aRoleWhoseDocumentIsNotJsonIsAFindingAndTheAuditGoesOn() throws Exception {
        String broken = URLEncoder.encode("{not json", StandardCharsets.UTF_8);
        String good = URLEncoder.encode(gitHub("\"StringEquals\":{" + AUD + ",\"" + K
                + ":sub\":\"repo:octo-org/app:ref:refs/heads/main\"}"), StandardCharsets.UTF_8);
        String roles = "<ListRolesResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><ListRolesResult><Roles>"
                + member("Broken", broken) + member("Good", good) + "</Roles><IsTruncated>false</IsTruncated>"
                + "</ListRolesResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></ListRolesResponse>";
        HttpServer iam = fakeIam(200, null, roles);
        try {
            JarCli.Result run = JarCli.run(home, keys(), "trust", "audit", "--endpoint-url",
                    "http://127.0.0.1:" + iam.getAddress().getPort(), "--format", "json");

            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.get("roles")).extracting(r -> r.get("name").asText()).containsExactly("Broken", "Good");
            JsonNode brokenRole = report.get("roles").get(0);
            assertThat(brokenRole.get("exposure").asText()).isEqualTo("unknown");
            assertThat(brokenRole.get("findings").get(0).get("id").asText()).isEqualTo("GHA029");
            assertThat(report.get("roles").get(1).get("exposure").asText()).isEqualTo("nobody");
        } finally {
            iam.stop(0);
        }
    }

    @Test
    void unknownFormatIsOneLineNamingTheChoices() throws Exception {
        JarCli.Result run = JarCli.run(home, keys(), "trust", "audit", "--format", "yaml");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--format").contains("text, json, markdown").doesNotContain("Exception");
    }

    private static String member(String name, String encodedPolicy) {
        return "<member><Path>/</Path><RoleName>" + name + "</RoleName><RoleId>AROAEXAMPLE" + name.length()
                + "</RoleId><Arn>arn:aws:iam::" + ACCOUNT + ":role/" + name + "</Arn><CreateDate>2024-01-01T00:00:00Z"
                + "</CreateDate><AssumeRolePolicyDocument>" + encodedPolicy + "</AssumeRolePolicyDocument></member>";
    }

    /**
     * A stand-in IAM on loopback for faults the emulator cannot produce (it has no permission policies, and IAM
     * never holds a document that is not JSON): {@code error} answers every call with that status; otherwise
     * ListRoles answers {@code roles} and ListOpenIDConnectProviders lists nothing.
     */
    private static HttpServer fakeIam(int status, String error, String roles) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer = error != null ? error : body.contains("Action=ListRoles") ? roles
                    : "<ListOpenIDConnectProvidersResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                            + "<ListOpenIDConnectProvidersResult><OpenIDConnectProviderList/>"
                            + "</ListOpenIDConnectProvidersResult><ResponseMetadata><RequestId>1</RequestId>"
                            + "</ResponseMetadata></ListOpenIDConnectProvidersResponse>";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(error != null ? status : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
