package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Role;

/** IAM OIDC providers and roles through the AWS SDK's IamClient, with IAM's error codes. */
class IamIT {

    private static final String ACCOUNT = "123456789012";

    private static TestServer server;
    private static IamClient iam;

    @BeforeAll
    static void start() {
        server = TestServer.start(AwsEmulation.builder().accountId(ACCOUNT).build());
        iam = StsClients.iam(server.endpoint);
    }

    @AfterAll
    static void stop() {
        iam.close();
        server.close();
    }

    private static void assertError(IamException e, String code, int status, String message) {
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    @Test
    void providerLifecycleWithClientIds() {
        String arn = iam.createOpenIDConnectProvider(r -> r.url("https://issuer.example.com/lifecycle")
                .clientIDList("a")).openIDConnectProviderArn();
        assertThat(arn).isEqualTo("arn:aws:iam::" + ACCOUNT + ":oidc-provider/issuer.example.com/lifecycle");

        iam.addClientIDToOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("b"));
        iam.removeClientIDFromOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn).clientID("a"));
        GetOpenIdConnectProviderResponse provider = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertThat(provider.url()).isEqualTo("issuer.example.com/lifecycle");
        assertThat(provider.clientIDList()).containsExactly("b");
        assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList()).anySatisfy(
                p -> assertThat(p.arn()).isEqualTo(arn));

        iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
        assertError(catchThrowableOfType(IamException.class,
                () -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn))),
                "NoSuchEntity", 404, "OpenIDConnect Provider not found for arn " + arn);
    }

    @Test
    void duplicateProviderUrlIsEntityAlreadyExists() {
        iam.createOpenIDConnectProvider(r -> r.url("https://dup.example.com").clientIDList("a"));
        assertError(catchThrowableOfType(IamException.class,
                () -> iam.createOpenIDConnectProvider(r -> r.url("https://dup.example.com").clientIDList("a"))),
                "EntityAlreadyExists", 409, "Provider with url https://dup.example.com already exists.");
    }

    @Test
    void providerUrlWithoutHttpsIsInvalidInput() {
        IamException e = catchThrowableOfType(IamException.class,
                () -> iam.createOpenIDConnectProvider(r -> r.url("http://insecure.example.com").clientIDList("a")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void roleLifecycleKeepsThePolicyUrlEncodedLikeIam() {
        String policy = Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo");
        Role created = iam.createRole(r -> r.roleName("LifecycleRole").assumeRolePolicyDocument(policy)
                .maxSessionDuration(7200)).role();
        assertThat(created.roleId()).startsWith("AROA");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/LifecycleRole");

        Role fetched = iam.getRole(r -> r.roleName("LifecycleRole")).role();
        assertThat(URLDecoder.decode(fetched.assumeRolePolicyDocument(), StandardCharsets.UTF_8)).isEqualTo(policy);
        assertThat(fetched.maxSessionDuration()).isEqualTo(7200);
        assertThat(iam.listRoles().roles()).extracting(Role::roleName).contains("LifecycleRole");

        String narrower = Policies.gitHubRepo(ACCOUNT, "octo-org/other");
        iam.updateAssumeRolePolicy(r -> r.roleName("LifecycleRole").policyDocument(narrower));
        assertThat(URLDecoder.decode(iam.getRole(r -> r.roleName("LifecycleRole")).role().assumeRolePolicyDocument(),
                StandardCharsets.UTF_8)).isEqualTo(narrower);

        iam.deleteRole(r -> r.roleName("LifecycleRole"));
        assertError(catchThrowableOfType(IamException.class, () -> iam.getRole(r -> r.roleName("LifecycleRole"))),
                "NoSuchEntity", 404, "The role with name LifecycleRole cannot be found.");
    }

    @Test
    void duplicateRoleIsEntityAlreadyExists() {
        String policy = Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo");
        iam.createRole(r -> r.roleName("Twice").assumeRolePolicyDocument(policy));
        assertError(catchThrowableOfType(IamException.class,
                () -> iam.createRole(r -> r.roleName("Twice").assumeRolePolicyDocument(policy))),
                "EntityAlreadyExists", 409, "Role with name Twice already exists.");
    }

    @Test
    void trustPolicyWithResourceIsMalformedPolicyDocument() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Resource\":\"*\",\"Condition\":{\"StringLike\":"
                + "{\"token.actions.githubusercontent.com:sub\":\"repo:o/r:*\"}}}]}";
        assertError(catchThrowableOfType(IamException.class,
                () -> iam.createRole(r -> r.roleName("WithResource").assumeRolePolicyDocument(policy))),
                "MalformedPolicyDocument", 400, "Has prohibited field Resource");
    }

    @Test
    void gitHubRoleWithoutSubjectConditionIsRefusedByTheGuardrail() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":oidc-provider/token.actions.githubusercontent.com\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\"}]}";
        IamException e = catchThrowableOfType(IamException.class,
                () -> iam.createRole(r -> r.roleName("Open").assumeRolePolicyDocument(policy)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
        assertThat(e.awsErrorDetails().errorMessage()).contains("not scoped to all");
    }

    @Test
    void maxSessionDurationOutOfRangeIsValidationError() {
        String policy = Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo");
        assertError(catchThrowableOfType(IamException.class, () -> iam.createRole(
                r -> r.roleName("TooLong").assumeRolePolicyDocument(policy).maxSessionDuration(50000))),
                "ValidationError", 400, "1 validation error detected: Value '50000' at 'maxSessionDuration' failed "
                        + "to satisfy constraint: Member must have value less than or equal to 43200");
    }
}
