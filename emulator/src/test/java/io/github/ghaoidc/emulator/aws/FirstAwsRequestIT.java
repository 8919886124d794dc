package io.github.ghaoidc.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The STS/IAM pipeline is built when the first AWS request arrives, not at start: the first requests, even
 * concurrent ones, are answered exactly as later ones, by one handler.
 */
class FirstAwsRequestIT {

    private static final String ACCOUNT = "123456789012";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/GitHubActionsRole";

    @Test
    void concurrentFirstRequestsAfterStartAreAllAnswered() throws Exception {
        try (GitHubOidcEmulator emulator = GitHubOidcEmulator.builder()
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole")
                        .assumeRolePolicyDocument(Policies.gitHubRepo(ACCOUNT, "octo-org/octo-repo")).build())
                .build().start();
             StsClient sts = StsClients.anonymous(URI.create(emulator.stsEndpoint()))) {
            String token = emulator.mint(WorkflowContext.push("octo-org/octo-repo", "main"), "sts.amazonaws.com");
            ExecutorService callers = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<String>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String session = "first-" + i;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    await(go);
                    return sts.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE_ARN).roleSessionName(session)
                            .webIdentityToken(token)).assumedRoleUser().arn();
                }, callers));
            }
            go.countDown();
            callers.shutdown();

            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get(60, TimeUnit.SECONDS))
                        .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/GitHubActionsRole/first-" + i);
            }
            assertThat(emulator.aws().decisions()).hasSize(4);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
