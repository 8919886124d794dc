package io.github.ghaoidc.core.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SubjectsTest {

    private static final String REPO = "octo-org/octo-repo";

    @Test
    void pushToBranchUsesRefForm() {
        assertThat(Subjects.subject(WorkflowContext.push(REPO, "main"))).isEqualTo("repo:octo-org/octo-repo:ref:refs/heads/main");
    }

    @Test
    void tagUsesRefForm() {
        assertThat(Subjects.subject(WorkflowContext.tag(REPO, "v1.2.0"))).isEqualTo("repo:octo-org/octo-repo:ref:refs/tags/v1.2.0");
    }

    @Test
    void workflowDispatchAndScheduleUseRefForm() {
        assertThat(Subjects.subject(WorkflowContext.workflowDispatch(REPO, "release")))
                .isEqualTo("repo:octo-org/octo-repo:ref:refs/heads/release");
        assertThat(Subjects.subject(WorkflowContext.schedule(REPO))).isEqualTo("repo:octo-org/octo-repo:ref:refs/heads/main");
    }

    @Test
    void pullRequestUsesPullRequestForm() {
        assertThat(Subjects.subject(WorkflowContext.pullRequest(REPO, 42))).isEqualTo("repo:octo-org/octo-repo:pull_request");
    }

    @Test
    void environmentWinsOverPullRequest() {
        WorkflowContext pr = WorkflowContext.pullRequest(REPO, 42).toBuilder().environment("prod").build();
        assertThat(Subjects.subject(pr)).isEqualTo("repo:octo-org/octo-repo:environment:prod");
    }

    @Test
    void environmentWinsOverRef() {
        assertThat(Subjects.subject(WorkflowContext.inEnvironment(REPO, "main", "Production")))
                .isEqualTo("repo:octo-org/octo-repo:environment:Production");
    }

    @Test
    void pullRequestTargetDefaultsToPullRequestAndIsSwitchableToRef() {
        WorkflowContext prt = WorkflowContext.pullRequestTarget(REPO, "main");
        assertThat(Subjects.subject(prt)).isEqualTo("repo:octo-org/octo-repo:pull_request");
        WorkflowContext asRef = prt.toBuilder().subjectCustomization(SubjectCustomization.useDefault()
                .withPullRequestTarget(SubjectCustomization.PullRequestTargetSubject.REF)).build();
        assertThat(Subjects.subject(asRef)).isEqualTo("repo:octo-org/octo-repo:ref:refs/heads/main");
    }

    @Test
    void colonIsEscapedButPercentIsNotSoTwinEnvironmentsCollide() {
        String colon = Subjects.subject(WorkflowContext.inEnvironment(REPO, "main", "Production:V1"));
        String percent = Subjects.subject(WorkflowContext.inEnvironment(REPO, "main", "Production%3AV1"));
        assertThat(colon).isEqualTo("repo:octo-org/octo-repo:environment:Production%3AV1").isEqualTo(percent);
    }

    @Test
    void immutableFormCarriesOwnerAndRepositoryIds() {
        WorkflowContext c = WorkflowContext.push(REPO, "main").toBuilder()
                .ownerId(72338939).repositoryId(593101447).immutableSubject(true).build();
        assertThat(Subjects.subject(c)).isEqualTo("repo:octo-org@72338939/octo-repo@593101447:ref:refs/heads/main");
    }

    @Test
    void immutableSubjectLeavesJobWorkflowRefNameBased() {
        WorkflowContext c = WorkflowContext.reusableWorkflow(REPO, "main",
                "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main").toBuilder()
                .immutableSubject(true).build();
        assertThat(GitHubClaims.contextClaims(c).get("job_workflow_ref"))
                .isEqualTo("octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main");
    }

    @Test
    void templateWithRepoContextAndJobWorkflowRefMatchesGitHubDocsExample() {
        WorkflowContext c = WorkflowContext.reusableWorkflow(REPO, "main",
                "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main").toBuilder()
                .environment("prod")
                .subjectCustomization(SubjectCustomization.includeClaimKeys("repo", "context", "job_workflow_ref"))
                .build();
        assertThat(Subjects.subject(c)).isEqualTo("repo:octo-org/octo-repo:environment:prod:job_workflow_ref:"
                + "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main");
    }

    @Test
    void templateRendersPlainClaimKeysInGivenOrder() {
        WorkflowContext c = WorkflowContext.push(REPO, "main").toBuilder().ownerId(72338939).repositoryId(593101447)
                .subjectCustomization(SubjectCustomization.includeClaimKeys("repository_owner_id", "repository_id", "context"))
                .build();
        assertThat(Subjects.subject(c)).isEqualTo("repository_owner_id:72338939:repository_id:593101447:ref:refs/heads/main");
    }

    @Test
    void templateRejectsUnknownKeyNamingAllowedOnes() {
        assertThatThrownBy(() -> SubjectCustomization.includeClaimKeys("repo", "branch"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'branch'").hasMessageContaining("job_workflow_ref");
    }

    @Test
    void templateRejectsEmptyKeyList() {
        assertThatThrownBy(() -> SubjectCustomization.includeClaimKeys()).hasMessageContaining("at least one key");
    }
}
