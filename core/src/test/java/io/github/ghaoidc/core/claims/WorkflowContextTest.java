package io.github.ghaoidc.core.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkflowContextTest {

    @Test
    void defaultsAreARealisticPushToMain() {
        WorkflowContext c = WorkflowContext.defaults();
        assertThat(c.repository()).isEqualTo("octo-org/octo-repo");
        assertThat(c.eventName()).isEqualTo("push");
        assertThat(c.ref()).isEqualTo("refs/heads/main");
        assertThat(c.sha()).matches("[0-9a-f]{40}");
        assertThat(c.repositoryId()).isPositive();
        assertThat(c.visibility()).isEqualTo("private");
        assertThat(c.runnerEnvironment()).isEqualTo("github-hosted");
        assertThat(c.environment()).isNull();
        assertThat(c.jobWorkflowRef()).isEqualTo(c.workflowRef());
    }

    @Test
    void toBuilderRoundTripsAndChangesOnlyWhatIsSet() {
        WorkflowContext push = WorkflowContext.push("octo-org/app", "main");
        WorkflowContext prod = push.toBuilder().environment("prod").build();
        assertThat(push.toBuilder().build()).isEqualTo(push);
        assertThat(prod.environment()).isEqualTo("prod");
        assertThat(prod.repositoryId()).isEqualTo(push.repositoryId());
        assertThat(prod.sha()).isEqualTo(push.sha());
    }

    @Test
    void toBuilderRederivesDefaultedValuesFromChangedInputs() {
        WorkflowContext a = WorkflowContext.push("octo-org/app", "main");
        WorkflowContext b = a.toBuilder().repository("octo-org/other").build();
        assertThat(b.repositoryId()).isNotEqualTo(a.repositoryId());
        assertThat(b.sha()).isNotEqualTo(a.sha());
        assertThat(b.repositoryId()).isEqualTo(WorkflowContext.push("octo-org/other", "main").repositoryId());
    }

    @Test
    void workflowWithoutNameFallsBackToFilePath() {
        assertThat(WorkflowContext.builder().workflow("").workflowPath(".github/workflows/deploy.yml").build().workflow())
                .isEqualTo(".github/workflows/deploy.yml");
    }

    @Test
    void deploymentEventHasEmptyRef() {
        assertThat(WorkflowContext.builder().eventName("deployment").build().ref()).isEmpty();
    }

    @Test
    void rejectsMalformedRepositoryNamingFieldAndForm() {
        assertThatThrownBy(() -> WorkflowContext.push("no-slash", "main"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("repository must be OWNER/REPO like octo-org/app, got: 'no-slash'");
    }

    @Test
    void rejectsRefOutsideTheKnownForms() {
        assertThatThrownBy(() -> WorkflowContext.builder().ref("main").build())
                .hasMessageStartingWith("ref must be refs/heads/BRANCH, refs/tags/TAG, refs/pull/N/merge");
    }

    @Test
    void rejectsUnknownVisibility() {
        assertThatThrownBy(() -> WorkflowContext.builder().visibility("secret").build())
                .hasMessage("visibility must be public, private, internal, got: 'secret'");
    }

    @Test
    void rejectsMalformedJobWorkflowRef() {
        assertThatThrownBy(() -> WorkflowContext.builder().jobWorkflowRef("deploy.yml").build())
                .hasMessageStartingWith("jobWorkflowRef must be OWNER/REPO/PATH.yml@REF");
    }

    @Test
    void toStringShowsIdentifiersOnly() {
        assertThat(WorkflowContext.inEnvironment("octo-org/app", "main", "prod").toString())
                .isEqualTo("WorkflowContext[repository=octo-org/app, event=push, ref=refs/heads/main, environment=prod]");
    }
}
