package io.github.ghaoidc.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.github.ghaoidc.core.GitHubOidcException;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.issuer.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** The provider against the emulator over HTTP with the real AWS SDK: the reference scenario and its refusals. */
class CredentialsProviderIT {

    static GitHubAndAws local;

    @BeforeAll
    static void start() {
        local = GitHubAndAws.start();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @Test
    void referenceScenarioGetsCredentialsAndGetCallerIdentityReturnsTheAssumedRole() {
        try (var provider = local.provider(local.github.defaultJob()).build();
             var sts = StsClient.builder().region(Region.US_EAST_2).endpointOverride(local.stsEndpoint())
                     .credentialsProvider(provider).build()) {
            var identity = sts.getCallerIdentity();
            assertThat(identity.arn()).isEqualTo(local.assumedRoleArn("GitHubActionsRole"));
            assertThat(identity.account()).isEqualTo(GitHubAndAws.ACCOUNT);
            var credentials = (AwsSessionCredentials) provider.resolveCredentials();
            assertThat(credentials.accessKeyId()).startsWith("ASIA");
            assertThat(credentials.accountId()).contains(GitHubAndAws.ACCOUNT);
        }
    }

    @Test
    void verifyCallerIdentityChecksTheSessionAgainstSts() {
        try (var provider = local.provider(local.github.defaultJob()).verifyCallerIdentity(true).build()) {
            assertThat(provider.resolveCredentials().accessKeyId()).startsWith("ASIA");
        }
        assertThat(local.aws.decisions()).isNotEmpty();
    }

    @Test
    void anotherRepositoryIsDeniedWithClaimsAndTheLikelyFix() {
        Job other = local.github.createJob(WorkflowContext.push("octo-org/other-repo", "main"));
        try (var provider = local.provider(other).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .isInstanceOfSatisfying(GitHubOidcException.class, e -> assertThat(e.errorCode()).isEqualTo("AccessDenied"))
                    .hasMessageContaining("AssumeRoleWithWebIdentity for " + local.roleArn + " failed: AccessDenied")
                    .hasMessageContaining("iss=https://token.actions.githubusercontent.com")
                    .hasMessageContaining("aud=sts.amazonaws.com")
                    .hasMessageContaining("sub=repo:octo-org/other-repo:ref:refs/heads/main")
                    .hasMessageContaining("repository=octo-org/other-repo")
                    .hasMessageContaining("ref=refs/heads/main")
                    .hasMessageContaining("environment=(none)")
                    .hasMessageContaining("after 1 attempt")
                    .hasMessageContaining("Likely fix: the role's trust policy must allow sts:AssumeRoleWithWebIdentity");
        }
    }

    @Test
    void aPullRequestAgainstABranchOnlyRoleSaysToAllowPullRequestsOrRunOnABranch() {
        Job pr = local.github.createJob(WorkflowContext.pullRequest(GitHubAndAws.REPO, 7));
        try (var provider = local.provider(pr, local.mainOnlyRoleArn).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .hasMessageContaining("sub=repo:octo-org/octo-repo:pull_request")
                    .hasMessageContaining("the trust policy must allow repo:octo-org/octo-repo:pull_request "
                            + "or the job must run on a branch");
        }
    }

    @Test
    void anEnvironmentJobIsToldItsSubjectNamesTheEnvironment() {
        Job deploy = local.github.createJob(WorkflowContext.inEnvironment(GitHubAndAws.REPO, "main", "production"));
        try (var provider = local.provider(deploy, local.mainOnlyRoleArn).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .hasMessageContaining("environment=production")
                    .hasMessageContaining("must allow repo:octo-org/octo-repo:environment:production");
        }
    }

    @Test
    void aWrongAudienceIsInvalidIdentityTokenWithTheClientIdFix() {
        try (var provider = local.provider(local.github.defaultJob()).audience("https://github.com/octo-org").build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .isInstanceOfSatisfying(GitHubOidcException.class,
                            e -> assertThat(e.errorCode()).isEqualTo("InvalidIdentityToken"))
                    .hasMessageContaining("Incorrect token audience")
                    .hasMessageContaining("add https://github.com/octo-org to the OIDC provider's client IDs");
        }
    }

    @Test
    void roleChainingReturnsTheSecondRolesSession() {
        try (var provider = local.provider(local.github.defaultJob()).chainedRoleArn(local.chainedRoleArn)
                .verifyCallerIdentity(true).build();
             var sts = StsClient.builder().region(Region.US_EAST_2).endpointOverride(local.stsEndpoint())
                     .credentialsProvider(provider).build()) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo(local.assumedRoleArn("Deployer"));
        }
    }

    @Test
    void chainingIntoARoleThatDoesNotTrustTheFirstSaysWhichTrustPolicyToChange() {
        try (var provider = local.provider(local.github.defaultJob()).chainedRoleArn(local.mainOnlyRoleArn).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .hasMessageContaining("AssumeRole for " + local.mainOnlyRoleArn + " failed: AccessDenied")
                    .hasMessageContaining("must allow sts:AssumeRole for the first role " + local.roleArn);
        }
    }

    @Test
    void credentialsFromAnAccountOutsideTheAllowListAreRefused() {
        try (var provider = local.provider(local.github.defaultJob()).allowedAccountIds(List.of("210987654321")).build()) {
            assertThatThrownBy(provider::resolveCredentials)
                    .hasMessageContaining("is in account '" + GitHubAndAws.ACCOUNT + "'")
                    .hasMessageContaining("not in allowedAccountIds [210987654321]");
        }
    }
}
