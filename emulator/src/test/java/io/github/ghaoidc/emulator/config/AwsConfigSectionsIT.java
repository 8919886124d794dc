package io.github.ghaoidc.emulator.config;

import io.github.ghaoidc.emulator.config.internal.ConfigApplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The config file's aws, providers and roles sections: an emulator started from them is ready to use. */
class AwsConfigSectionsIT {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\"},"
            + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringLike\":"
            + "{\"token.actions.githubusercontent.com:sub\":\"repo:octo-org/octo-repo:*\"}}}]}";

    @TempDir
    Path dir;

    @Test
    void rolesFromInlineAndFilePoliciesAreAssumable() throws Exception {
        Files.writeString(dir.resolve("trust.json"), POLICY);
        Path file = dir.resolve("emulator.json");
        Files.writeString(file, "{\"aws\":{\"accountId\":\"111122223333\"},"
                + "\"providers\":[{\"url\":\"https://token.actions.githubusercontent.com\",\"clientIds\":[\"sts.amazonaws.com\"]}],"
                + "\"roles\":[{\"name\":\"FromFile\",\"trustPolicyFile\":\"trust.json\"},"
                + "{\"name\":\"Inline\",\"trustPolicy\":" + POLICY + ",\"maxSessionDuration\":7200}]}");
        GitHubOidcEmulator.Builder builder = new ConfigApplier(ConfigLoader.load(file), dir)
                .applyTo(GitHubOidcEmulator.builder());
        try (GitHubOidcEmulator emulator = builder.build().start();
                StsClient sts = StsClient.builder().endpointOverride(URI.create(emulator.stsEndpoint()))
                        .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
            String token = emulator.mint(WorkflowContext.push("octo-org/octo-repo", "main"), "sts.amazonaws.com");
            for (String role : new String[] {"FromFile", "Inline"}) {
                assertThat(sts.assumeRoleWithWebIdentity(r -> r.roleArn("arn:aws:iam::111122223333:role/" + role)
                        .roleSessionName("cfg").webIdentityToken(token)).assumedRoleUser().arn())
                        .isEqualTo("arn:aws:sts::111122223333:assumed-role/" + role + "/cfg");
            }
        }
    }

    @Test
    void roleThatIamWouldRefuseIsAConfigErrorNamingTheEntry() {
        String bad = POLICY.replace("\"Action\"", "\"Resource\":\"*\",\"Action\"");
        assertThatThrownBy(() -> ConfigLoader.parse("{\"aws\":{\"accountId\":\"111122223333\"},"
                + "\"roles\":[{\"name\":\"Bad\",\"trustPolicy\":" + bad + "}]}", "test config"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("test config: roles[0]: MalformedPolicyDocument: Has prohibited field Resource");
    }

    @Test
    void roleWithBothInlineAndFilePolicyIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.parse("{\"roles\":[{\"name\":\"R\",\"trustPolicy\":" + POLICY
                + ",\"trustPolicyFile\":\"x.json\"}]}", "test config"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("test config: roles[0]: set exactly one of trustPolicy (inline JSON) or trustPolicyFile");
    }

    @Test
    void badAccountIdIsAConfigError() {
        assertThatThrownBy(() -> ConfigLoader.parse("{\"aws\":{\"accountId\":\"12\"}}", "test config"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("test config: aws: accountId must be 12 digits, like 123456789012, got: 12");
    }
}
