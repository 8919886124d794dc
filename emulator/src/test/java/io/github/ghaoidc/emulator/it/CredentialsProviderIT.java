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
    void verifyCallerIdentityCallsGetCallerIdentityWithTheNewSessionOnlyWhenAsked() throws Exception {
        drainRecordedRequests();
        try (var provider = local.provider(local.github.defaultJob()).verifyCallerIdentity(true).build()) {
            String key = provider.resolveCredentials().accessKeyId();

            List<String> calls = stsCalls();
            assertThat(calls).containsExactly("AssumeRoleWithWebIdentity", "GetCallerIdentity signed by " + key);
        }
        try (var provider = local.provider(local.github.defaultJob()).verifyCallerIdentity(false).build()) {
            provider.resolveCredentials();

            assertThat(stsCalls()).containsExactly("AssumeRoleWithWebIdentity");
        }
    }

    @Test
    void anStsWhoseCallerIdentityDisagreesWithTheAssumedRoleIsRefused() throws Exception {
        String assumed = "arn:aws:sts::" + GitHubAndAws.ACCOUNT + ":assumed-role/GitHubActionsRole/GithubActionsSession";
        String other = "arn:aws:sts::" + GitHubAndAws.ACCOUNT + ":assumed-role/SomethingElse/GithubActionsSession";
        // a stand-in STS for a fault the emulator cannot produce: it answers GetCallerIdentity for another role
        com.sun.net.httpserver.HttpServer sts = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        sts.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String answer = body.contains("Action=GetCallerIdentity") ? StandInSts.callerIdentity(other)
                    : StandInSts.assumed(assumed);
            byte[] bytes = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        sts.start();
        try (var provider = local.provider(local.github.defaultJob()).verifyCallerIdentity(true)
                .stsEndpoint(java.net.URI.create("http://127.0.0.1:" + sts.getAddress().getPort())).build()) {
            assertThatThrownBy(provider::resolveCredentials).isInstanceOf(GitHubOidcException.class)
                    .hasMessageContaining("GetCallerIdentity returned " + other + " but STS said the assumed role is "
                            + assumed + "; the STS endpoint is inconsistent");
        } finally {
            sts.stop(0);
        }
    }

    private static void drainRecordedRequests() throws InterruptedException {
        while (local.github.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS) != null) {
            // forget what earlier tests sent
        }
    }

    /** The STS actions received since the last call, with the access key of signed ones. */
    private static List<String> stsCalls() throws InterruptedException {
        List<String> calls = new java.util.ArrayList<>();
        for (var r = local.github.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS); r != null;
                r = local.github.takeRequest(0, java.util.concurrent.TimeUnit.SECONDS)) {
            if (!"POST".equals(r.method()) || r.body() == null || !r.body().contains("Action=")) {
                continue;
            }
            String action = r.body().replaceAll("(?s).*Action=([A-Za-z]+).*", "$1");
            String auth = r.header("Authorization");
            calls.add(auth == null ? action : action + " signed by "
                    + auth.replaceAll(".*Credential=([A-Z0-9]+)/.*", "$1"));
        }
        return calls;
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
