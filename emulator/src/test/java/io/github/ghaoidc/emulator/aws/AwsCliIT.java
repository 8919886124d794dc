package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AWS CLI on PATH, unmodified, against the emulator: IAM setup, the web identity exchange, and proof. */
class AwsCliIT {

    private static final String ACCOUNT = "123456789012";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";
    private static final Map<String, String> DUMMY_KEYS =
            Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "dummy");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static TestIssuer github;
    private static TestServer server;
    private static AwsCli cli;
    private static String endpoint;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(AwsCli.find() != null, "the AWS CLI (aws) is not on PATH; .ci/run installs it");
        github = new TestIssuer(TestIssuer.GITHUB, "gh-1");
        server = TestServer.start(AwsEmulation.builder().accountId(ACCOUNT)
                .inProcessKeys(url -> url.equals(TestIssuer.GITHUB) ? github.publicKeys() : null).build());
        endpoint = server.endpoint.toString();
        cli = new AwsCli(home);
        Path policy = home.resolve("trust.json");
        Files.writeString(policy, Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo"));

        AwsCli.Result provider = cli.run(DUMMY_KEYS, "iam", "create-open-id-connect-provider", "--endpoint-url",
                endpoint, "--url", TestIssuer.GITHUB, "--client-id-list", "sts.amazonaws.com",
                "--thumbprint-list", "a031c46782e6e6c662c2c87c76da9aa62ccabd8e");
        assertThat(provider.exitCode()).as(provider.stderr()).isZero();
        assertThat(JSON.readTree(provider.stdout()).path("OpenIDConnectProviderArn").asText())
                .isEqualTo("arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com");
        AwsCli.Result role = cli.run(DUMMY_KEYS, "iam", "create-role", "--endpoint-url", endpoint, "--role-name",
                "GitHubActionsRole", "--assume-role-policy-document", "file://" + policy);
        assertThat(role.exitCode()).as(role.stderr()).isZero();
        assertThat(JSON.readTree(role.stdout()).path("Role").path("Arn").asText()).isEqualTo(ROLE_ARN);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void assumeRoleWithWebIdentityThenGetCallerIdentityWithTheReturnedCredentials() throws Exception {
        AwsCli.Result assumed = cli.run(Map.of(), "sts", "assume-role-with-web-identity", "--endpoint-url", endpoint,
                "--role-arn", ROLE_ARN, "--role-session-name", "GithubActionsSession", "--web-identity-token",
                github.pushToMain());
        assertThat(assumed.exitCode()).as(assumed.stderr()).isZero();
        JsonNode credentials = JSON.readTree(assumed.stdout()).path("Credentials");
        assertThat(credentials.path("AccessKeyId").asText()).startsWith("ASIA");

        AwsCli.Result identity = cli.run(Map.of("AWS_ACCESS_KEY_ID", credentials.path("AccessKeyId").asText(),
                "AWS_SECRET_ACCESS_KEY", credentials.path("SecretAccessKey").asText(),
                "AWS_SESSION_TOKEN", credentials.path("SessionToken").asText()),
                "sts", "get-caller-identity", "--endpoint-url", endpoint);
        assertThat(identity.exitCode()).as(identity.stderr()).isZero();
        assertThat(JSON.readTree(identity.stdout()).path("Arn").asText())
                .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/GitHubActionsRole/GithubActionsSession");
    }

    @Test
    void anotherRepositoryIsRefusedWithAccessDenied() throws Exception {
        String token = github.mint(github.claims("octo-org/other-repo", "refs/heads/main").build());
        AwsCli.Result refused = cli.run(Map.of(), "sts", "assume-role-with-web-identity", "--endpoint-url", endpoint,
                "--role-arn", ROLE_ARN, "--role-session-name", "GithubActionsSession", "--web-identity-token", token);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("(AccessDenied)")
                .contains("Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void cliWebIdentityFlowFromEnvironmentGetsCredentials() throws Exception {
        int[] botocore = AwsCli.botocoreVersion();
        assumeTrue(botocore[0] > 1 || botocore[0] == 1 && botocore[1] >= 31,
                "AWS_ENDPOINT_URL_STS needs botocore >= 1.31; this aws has botocore " + botocore[0] + "." + botocore[1]);
        Path tokenFile = home.resolve("web-identity-token");
        Files.writeString(tokenFile, github.pushToMain());

        AwsCli.Result identity = cli.run(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString(),
                "AWS_ROLE_ARN", ROLE_ARN, "AWS_ROLE_SESSION_NAME", "GithubActionsSession",
                "AWS_ENDPOINT_URL_STS", endpoint), "sts", "get-caller-identity");
        assertThat(identity.exitCode()).as(identity.stderr()).isZero();
        assertThat(JSON.readTree(identity.stdout()).path("Arn").asText())
                .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/GitHubActionsRole/GithubActionsSession");
    }
}
