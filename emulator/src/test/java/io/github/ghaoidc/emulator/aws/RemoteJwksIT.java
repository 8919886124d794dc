package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * An issuer this process does not serve: its keys come from discovery + JWKS over HTTP (Nimbus JWKSourceBuilder),
 * here from a server standing in for GitHub's issuer on loopback.
 */
class RemoteJwksIT {

    @Test
    void tokenFromAnIssuerReachedOverHttpIsVerifiedWithItsPublishedKeys() {
        TestIssuer github = new TestIssuer(TestIssuer.GITHUB, "remote-1");
        AwsEmulation probe = AwsEmulation.builder().build();
        try (TestServer issuerServer = TestServer.start(probe, github.publicKeys())) {
            AwsEmulation aws = AwsEmulation.builder().issuerLocation(TestIssuer.GITHUB, issuerServer.endpoint).build();
            aws.createOpenIdConnectProvider(OidcProviderDefinition.gitHubActions());
            aws.createRole(RoleDefinition.builder().roleName("GitHubActionsRole")
                    .assumeRolePolicyDocument(Policies.gitHubRepo("123456789012", "octo-org/octo-repo")).build());
            try (TestServer server = TestServer.start(aws); StsClient sts = StsClients.anonymous(server.endpoint)) {
                AssumeRoleWithWebIdentityResponse response = sts.assumeRoleWithWebIdentity(r -> r
                        .roleArn("arn:aws:iam::123456789012:role/GitHubActionsRole").roleSessionName("remote")
                        .webIdentityToken(github.pushToMain()));

                assertThat(response.credentials().accessKeyId()).startsWith("ASIA");
                assertThat(response.provider()).isEqualTo("token.actions.githubusercontent.com");
            }
        }
    }
}
