package io.github.ghaoidc.core.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request context holds exactly the keys AWS puts there. */
class TrustRequestTest {
    private static final String P = Policies.PREFIX;

    private static Map<String, Object> fullGitHubClaims() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", "https://token.actions.githubusercontent.com");
        c.put("sub", "repo:o/r:environment:prod");
        c.put("aud", "sts.amazonaws.com");
        c.put("actor", "octocat");
        c.put("actor_id", "583231");
        c.put("job_workflow_ref", "o/r/.github/workflows/d.yml@refs/heads/main");
        c.put("repository", "o/r");
        c.put("repository_id", 7891011);
        c.put("repository_owner", "o");
        c.put("repository_owner_id", "123456");
        c.put("workflow", "Deploy");
        c.put("ref", "refs/heads/main");
        c.put("ref_type", "branch");
        c.put("environment", "prod");
        c.put("event_name", "push");
        c.put("runner_environment", "github-hosted");
        c.put("workflow_ref", "o/r/.github/workflows/d.yml@refs/heads/main");
        c.put("enterprise_id", "345");
        c.put("exp", 1_900_000_000L);
        return c;
    }

    @Test
    void webIdentityContextHasExactlyTheKeysAwsSets() {
        TrustRequest r = TrustRequest.builder().claims(fullGitHubClaims()).sessionName("gha-run-1")
                .currentTime(Instant.parse("2026-11-25T12:00:00.750Z")).sourceIp("203.0.113.9").build();

        assertThat(r.requestContext()).containsOnlyKeys(P + ":sub", P + ":aud", P + ":actor", P + ":actor_id",
                P + ":job_workflow_ref", P + ":repository", P + ":repository_id", P + ":repository_owner_id",
                P + ":workflow", P + ":ref", P + ":environment", P + ":enterprise_id", "sts:RoleSessionName",
                "aws:CurrentTime", "aws:EpochTime", "aws:SecureTransport", "aws:SourceIp");
        assertThat(r.requestContext()).contains(entry(P + ":repository_id", List.of("7891011")),
                entry("aws:CurrentTime", List.of("2026-11-25T12:00:00Z")),
                entry("aws:EpochTime", List.of("1795608000")), entry("aws:SecureTransport", List.of("true")));
    }

    @Test
    void optionalKeysAreAbsentWhenNotGiven() {
        TrustRequest r = TrustRequest.builder().claims(Map.of("sub", "s", "amr", List.of("a", "b"))).build();
        assertThat(r.requestContext()).containsOnlyKeys(P + ":sub", P + ":amr", "aws:CurrentTime", "aws:EpochTime",
                "aws:SecureTransport");
        assertThat(r.requestContext().get(P + ":amr")).containsExactly("a", "b");
    }

    @Test
    void issuerGivesKeyPrefixAndProviderArnKeepingPathAndTrailingSlash() {
        TrustRequest r = TrustRequest.builder().issuer("https://ghes.example.com/_services/token/")
                .roleArn("arn:aws-cn:iam::210987654321:role/path/deploy").claims(Map.of("sub", "s", "environment", "e"))
                .build();
        assertThat(r.keyPrefix()).isEqualTo("ghes.example.com/_services/token/");
        assertThat(r.providerArn()).isEqualTo("arn:aws-cn:iam::210987654321:oidc-provider/ghes.example.com/_services/token/");
        assertThat(r.requestContext()).containsKey("ghes.example.com/_services/token/:sub");
    }

    @Test
    void gitHubClaimsAreNotExposedForOtherIssuers() {
        TrustRequest r = TrustRequest.builder().issuer("https://accounts.example.com")
                .claims(Map.of("sub", "s", "environment", "prod")).build();
        assertThat(r.requestContext()).containsKey("accounts.example.com:sub")
                .doesNotContainKey("accounts.example.com:environment");
    }

    @Test
    void issuerDefaultsToTheIssClaimThenGitHub() {
        assertThat(TrustRequest.builder().claims(Map.of("iss", "https://token.actions.githubusercontent.com/acme"))
                .build().keyPrefix()).isEqualTo("token.actions.githubusercontent.com/acme");
        assertThat(TrustRequest.builder().build().providerArn()).isEqualTo(Policies.PROVIDER);
    }

    @Test
    void badIssuerRoleArnOrClaimTypeIsRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> TrustRequest.builder().issuer("http://x").build()).isInstanceOf(TrustPolicyException.class)
                .hasMessageContaining("issuer must be an https URL");
        assertThatThrownBy(() -> TrustRequest.builder().roleArn("arn:aws:iam::1:user/x").build())
                .isInstanceOf(TrustPolicyException.class).hasMessageContaining("roleArn must be an IAM role ARN");
        assertThatThrownBy(() -> TrustRequest.builder().claims(Map.of("sub", Map.of("a", 1))).build())
                .isInstanceOf(TrustPolicyException.class).hasMessageContaining("claim 'sub' must be a string");
    }

    @Test
    void awsCallerContextNamesThePrincipal() {
        TrustRequest r = TrustRequest.builder().action(TrustRequest.ASSUME_ROLE)
                .principalArn("arn:aws:iam::123456789012:role/first").sessionName("s1").build();
        assertThat(r.requestContext()).containsOnlyKeys("aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalType",
                "sts:RoleSessionName", "aws:CurrentTime", "aws:EpochTime", "aws:SecureTransport");
    }
}
