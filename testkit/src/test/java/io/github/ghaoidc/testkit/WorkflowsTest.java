package io.github.ghaoidc.testkit;

import static io.github.ghaoidc.testkit.Workflows.environment;
import static io.github.ghaoidc.testkit.Workflows.pullRequest;
import static io.github.ghaoidc.testkit.Workflows.push;
import static io.github.ghaoidc.testkit.Workflows.reusableWorkflow;
import static io.github.ghaoidc.testkit.Workflows.schedule;
import static io.github.ghaoidc.testkit.Workflows.tag;
import static io.github.ghaoidc.testkit.Workflows.workflowDispatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WorkflowsTest {

    @Test
    void pushDefaultsToMainAndToBranchChangesTheRef() {
        assertThat(push("octo-org/app").subject()).isEqualTo("repo:octo-org/app:ref:refs/heads/main");
        assertThat(push("octo-org/app").toBranch("release/v2").subject())
                .isEqualTo("repo:octo-org/app:ref:refs/heads/release/v2");
    }

    @Test
    void pullRequestSubjectNamesNoRef() {
        assertThat(pullRequest("octo-org/app").subject()).isEqualTo("repo:octo-org/app:pull_request");
        assertThat(pullRequest("octo-org/app", 42).context().ref()).isEqualTo("refs/pull/42/merge");
    }

    @Test
    void environmentWinsOverTheRefInTheSubject() {
        assertThat(environment("octo-org/app", "prod").subject()).isEqualTo("repo:octo-org/app:environment:prod");
        assertThat(push("octo-org/app").inEnvironment("prod").subject()).isEqualTo("repo:octo-org/app:environment:prod");
    }

    @Test
    void tagDispatchAndScheduleCarryTheirEventAndRef() {
        assertThat(tag("octo-org/app", "v1.2.0").subject()).isEqualTo("repo:octo-org/app:ref:refs/tags/v1.2.0");
        assertThat(workflowDispatch("octo-org/app").context().eventName()).isEqualTo("workflow_dispatch");
        assertThat(schedule("octo-org/app").context().eventName()).isEqualTo("schedule");
    }

    @Test
    void reusableWorkflowSetsJobWorkflowRef() {
        String ref = "octo-org/shared/.github/workflows/deploy.yml@refs/heads/main";
        assertThat(reusableWorkflow("octo-org/app", ref).claims(Instant.EPOCH)).containsEntry("job_workflow_ref", ref);
    }

    @Test
    void audienceDefaultsToStsAndCanBeChanged() {
        assertThat(push("octo-org/app").claims(Instant.EPOCH)).containsEntry("aud", "sts.amazonaws.com")
                .containsEntry("iss", "https://token.actions.githubusercontent.com");
        assertThat(push("octo-org/app").withAudience("https://github.com/octo-org").audience())
                .isEqualTo("https://github.com/octo-org");
    }

    @Test
    void immutableSubjectUsesIds() {
        assertThat(push("octo-org/app").withImmutableSubject().subject()).matches("repo:octo-org@\\d+/app@\\d+:ref:refs/heads/main");
    }

    @Test
    void blankBranchIsRefused() {
        assertThatThrownBy(() -> push("octo-org/app").toBranch(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("branch must not be blank");
    }

    @Test
    void toStringDescribesTheRun() {
        assertThat(pullRequest("octo-org/app")).hasToString("pull_request of octo-org/app at refs/pull/1/merge");
    }
}
