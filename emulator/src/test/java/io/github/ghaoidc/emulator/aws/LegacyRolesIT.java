package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Roles created before IAM's 2025-06-06 identity-provider controls: stored without them, evaluated by STS like any
 * other role, held to them on any update; and ListRoles paging as IAM pages.
 */
class LegacyRolesIT {

    private static final String ACCOUNT = "123456789012";
    private static final String K = "token.actions.githubusercontent.com";
    static final String AUD_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"Federated\":\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/" + K + "\"},\"Action\":"
            + "\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\"" + K + ":aud\":\"sts.amazonaws.com\"}}}]}";

    private static GitHubOidcEmulator emulator;
    private static IamClient iam;
    private static StsClient sts;

    @BeforeAll
    static void start() {
        emulator = GitHubOidcEmulator.builder()
                .aws(AwsEmulation.builder().accountId(ACCOUNT))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("LegacyAudOnly").assumeRolePolicyDocument(AUD_ONLY)
                        .legacy(true).build())
                .build().start();
        iam = StsClients.iam(URI.create(emulator.stsEndpoint()));
        sts = StsClients.anonymous(URI.create(emulator.stsEndpoint()));
    }

    @AfterAll
    static void stop() {
        iam.close();
        sts.close();
        emulator.close();
    }

    @Test
    void stsLetsAnotherOrganisationsTokenIntoTheLegacyRole() {
        String token = emulator.mint(WorkflowContext.push("evil-org/anything", "main"), "sts.amazonaws.com");

        String arn = sts.assumeRoleWithWebIdentity(r -> r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/LegacyAudOnly")
                .roleSessionName("attacker").webIdentityToken(token)).assumedRoleUser().arn();

        assertThat(arn).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/LegacyAudOnly/attacker");
    }

    @Test
    void legacyRoleIsListedWithACreateDateBeforeTheControls() {
        assertThat(iam.getRole(r -> r.roleName("LegacyAudOnly")).role().createDate())
                .isBefore(Instant.parse("2025-06-06T00:00:00Z"));
    }

    @Test
    void createRoleStillRefusesTheAudienceOnlyPolicy() {
        IamException e = catchThrowableOfType(IamException.class,
                () -> iam.createRole(r -> r.roleName("NewAudOnly").assumeRolePolicyDocument(AUD_ONLY)));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Trust policy with trusted principal ");
    }

    @Test
    void updateAssumeRolePolicyOnTheLegacyRoleAppliesTheControls() {
        IamException e = catchThrowableOfType(IamException.class,
                () -> iam.updateAssumeRolePolicy(r -> r.roleName("LegacyAudOnly").policyDocument(AUD_ONLY)));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Trust policy with trusted principal arn:aws:iam::"
                + ACCOUNT + ":oidc-provider/" + K + " must evaluate, using StringEquals, StringLike or "
                + "StringEqualsIgnoreCase, " + K + ":sub or " + K + ":job_workflow_ref which is not scoped to all.");
    }

    @Test
    void legacyRoleIsStillRefusedWhatIamAlwaysRefused() {
        String withResource = AUD_ONLY.replace("\"Action\":", "\"Resource\":\"*\",\"Action\":");

        AwsEmulationException e = catchThrowableOfType(AwsEmulationException.class, () -> emulator.aws().createRole(
                RoleDefinition.builder().roleName("LegacyResource").assumeRolePolicyDocument(withResource).legacy(true)
                        .build()));

        assertThat(e.getMessage()).contains("Has prohibited field Resource");
    }

    @Test
    void listRolesPagesAThousandRolesInPagesOfMaxItems() {
        try (GitHubOidcEmulator many = GitHubOidcEmulator.builder().aws(AwsEmulation.builder().accountId(ACCOUNT))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions()).build().start();
             IamClient client = StsClients.iam(URI.create(many.stsEndpoint()))) {
            for (int i = 0; i < 1000; i++) {
                String name = String.format("role-%04d", i);
                many.aws().createRole(RoleDefinition.builder().roleName(name).assumeRolePolicyDocument(AUD_ONLY)
                        .legacy(true).build());
            }

            List<ListRolesResponse> defaultPages = new ArrayList<>();
            client.listRolesPaginator().forEach(defaultPages::add);
            List<ListRolesResponse> bigPages = new ArrayList<>();
            client.listRolesPaginator(r -> r.maxItems(300)).forEach(bigPages::add);

            assertThat(defaultPages).hasSize(10);
            assertThat(defaultPages).allSatisfy(p -> assertThat(p.roles()).hasSize(100));
            assertThat(defaultPages.stream().flatMap(p -> p.roles().stream()).map(r -> r.roleName()).distinct())
                    .hasSize(1000);
            assertThat(defaultPages.get(9).isTruncated()).isFalse();
            assertThat(bigPages).extracting(p -> p.roles().size()).containsExactly(300, 300, 300, 100);
        }
    }

    @Test
    void maxItemsOutOfRangeIsAValidationError() {
        IamException e = catchThrowableOfType(IamException.class, () -> iam.listRoles(r -> r.maxItems(1001)));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(e.awsErrorDetails().errorMessage()).contains("'maxItems'");
    }

    @Test
    void aMarkerThatNoPageGaveIsInvalidInput() {
        IamException e = catchThrowableOfType(IamException.class, () -> iam.listRoles(r -> r.marker("%%%not-ours")));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
    }
}
