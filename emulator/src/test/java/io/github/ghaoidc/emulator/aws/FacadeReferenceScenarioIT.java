package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The reference scenario on one emulator (GitHub issuer + IAM + STS on one port), declared through the facade
 * builder; tokens minted by the emulator are verified in-process; denials are explained on the admin API.
 */
class FacadeReferenceScenarioIT {

    private static final String ACCOUNT = "123456789100";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";

    private static GitHubOidcEmulator emulator;
    private static StsClient sts;

    @BeforeAll
    static void start() {
        emulator = GitHubOidcEmulator.builder()
                .aws(AwsEmulation.builder().accountId(ACCOUNT))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole")
                        .assumeRolePolicyDocument(Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo")).build())
                .build().start();
        sts = StsClients.anonymous(URI.create(emulator.stsEndpoint()));
    }

    @AfterAll
    static void stop() {
        sts.close();
        emulator.close();
    }

    @Test
    void pushToMainGetsCredentialsAndGetCallerIdentityReturnsTheAssumedRole() {
        String token = emulator.mint(WorkflowContext.push("octo-org/octo-repo", "main"), "sts.amazonaws.com");
        Credentials credentials = sts.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE_ARN)
                .roleSessionName("GithubActionsSession").webIdentityToken(token)).credentials();
        try (StsClient signed = StsClients.withSession(URI.create(emulator.stsEndpoint()), credentials)) {
            assertThat(signed.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/GitHubActionsRole/GithubActionsSession");
        }
    }

    @Test
    void anotherRepositoryIsDeniedAndTheAdminApiExplainsWhy() throws Exception {
        String token = emulator.mint(WorkflowContext.push("octo-org/other-repo", "main"), "sts.amazonaws.com");
        StsException e = catchThrowableOfType(StsException.class, () -> sts.assumeRoleWithWebIdentity(
                r -> r.roleArn(ROLE_ARN).roleSessionName("GithubActionsSession").webIdentityToken(token)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Not authorized to perform sts:AssumeRoleWithWebIdentity");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.baseUrl() + "/_admin/aws/decisions")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode latest = new ObjectMapper().readTree(response.body()).path("decisions").get(0);
        assertThat(latest.path("allowed").asBoolean()).isFalse();
        assertThat(latest.path("decision").asText()).isEqualTo("IMPLICIT_DENY");
        assertThat(latest.path("principal").asText()).contains("repo:octo-org/other-repo:ref:refs/heads/main");
        assertThat(latest.path("explanation").asText()).contains("repo:octo-org/other-repo:ref:refs/heads/main");
        assertThat(response.body()).doesNotContain(token);
    }

    @Test
    void tokenForAnotherAudienceIsIncorrectTokenAudience() {
        String token = emulator.mint(WorkflowContext.push("octo-org/octo-repo", "main"), "https://github.com/octo-org");
        StsException e = catchThrowableOfType(StsException.class, () -> sts.assumeRoleWithWebIdentity(
                r -> r.roleArn(ROLE_ARN).roleSessionName("GithubActionsSession").webIdentityToken(token)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Incorrect token audience");
    }
}
