package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.emulator.support.CliRun;
import io.github.ghaoidc.emulator.support.Http;
import org.junit.jupiter.api.Test;

class MintCommandTest {

    @Test
    void printsOneCompactTokenWithRealisticDefaults() {
        CliRun run = CliRun.of("mint");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().strip()).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void decodePrintsHeaderAndClaimsFromTheFlags() {
        CliRun run = CliRun.of("mint", "--decode", "--repository", "octo-org/app", "--ref", "refs/tags/v1",
                "--environment", "prod", "--actor", "mona", "--audience", "sts.amazonaws.com",
                "--job-workflow-ref", "octo-org/shared/.github/workflows/deploy.yml@refs/heads/main");
        assertThat(run.exitCode()).isZero();
        JsonNode json = Http.json(run.out());
        assertThat(json.get("header").get("alg").asText()).isEqualTo("RS256");
        JsonNode claims = json.get("claims");
        assertThat(claims.get("sub").asText()).isEqualTo("repo:octo-org/app:environment:prod");
        assertThat(claims.get("ref_type").asText()).isEqualTo("tag");
        assertThat(claims.get("actor").asText()).isEqualTo("mona");
        assertThat(claims.get("aud").asText()).isEqualTo("sts.amazonaws.com");
        assertThat(claims.get("job_workflow_ref").asText()).isEqualTo("octo-org/shared/.github/workflows/deploy.yml@refs/heads/main");
    }

    @Test
    void workflowRefSetsRepositoryRefAndPath() {
        JsonNode claims = Http.json(CliRun.of("mint", "--decode", "--workflow-ref",
                "octo-org/app/.github/workflows/release.yml@refs/heads/release").out()).get("claims");
        assertThat(claims.get("repository").asText()).isEqualTo("octo-org/app");
        assertThat(claims.get("ref").asText()).isEqualTo("refs/heads/release");
        assertThat(claims.get("workflow_ref").asText()).isEqualTo("octo-org/app/.github/workflows/release.yml@refs/heads/release");
    }

    @Test
    void customSubTemplateFromFlags() {
        JsonNode claims = Http.json(CliRun.of("mint", "--decode", "--repository", "octo-org/app",
                "--sub-claim-keys", "repo,context,actor").out()).get("claims");
        assertThat(claims.get("sub").asText()).isEqualTo("repo:octo-org/app:ref:refs/heads/main:actor:octocat");
    }

    @Test
    void badRefIsOneLineNamingTheFlagAndExit2() {
        CliRun run = CliRun.of("mint", "--ref", "main");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("gha-oidc: --ref must be refs/heads/BRANCH, refs/tags/TAG, refs/pull/N/merge")
                .doesNotContain("Exception", "\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void conflictingWorkflowRefAndRepositoryAreRefused() {
        CliRun run = CliRun.of("mint", "--repository", "a/b", "--workflow-ref", "c/d/.github/workflows/x.yml@refs/heads/main");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("gha-oidc: --workflow-ref names repository c/d but --repository is a/b");
    }

    @Test
    void unreachableUrlSaysConnectionRefusedInWordsAndExit1() {
        CliRun run = CliRun.of("mint", "--url", "http://127.0.0.1:1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("gha-oidc: cannot reach http://127.0.0.1:1: connection refused; "
                + "is 'gha-oidc serve' running at http://127.0.0.1:1?");
    }

    @Test
    void runFlagsHaveHelpText() {
        CliRun run = CliRun.of("mint", "--help");
        assertThat(run.out()).containsPattern("--run-id=N\\s+Workflow run id")
                .containsPattern("--run-number=N\\s+Run number")
                .containsPattern("--run-attempt=N\\s+Attempt of the run");
    }

    @Test
    void issuerSelfWithoutServerIsRefused() {
        CliRun run = CliRun.of("mint", "--issuer", "self");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--issuer self needs a server");
    }
}
