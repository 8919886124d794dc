package io.github.ghaoidc.testkit;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.core.trust.explore.ContextMatrix;
import io.github.ghaoidc.core.trust.explore.ExplorationReport;
import io.github.ghaoidc.core.trust.explore.TrustExplorer;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import io.github.ghaoidc.core.trust.lint.TrustPolicyLinter;
import io.github.ghaoidc.testkit.internal.FailureMessages;
import io.github.ghaoidc.testkit.internal.Verdict;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/**
 * Assertions on who may assume a role, read like the requirement they check. Obtain with
 * {@link TrustAssertions#assertThatRole}. Failures show the token's claims, the deciding statement and the
 * conditions with the token's and the policy's values.
 *
 * <pre>{@code
 * assertThatRole(role)
 *         .allows(push("octo-org/app").toBranch("main"))
 *         .denies(pullRequest("octo-org/app"))
 *         .denies(push("octo-org/other").toBranch("main"));
 * }</pre>
 *
 * Not thread-safe (as any AssertJ assertion object); use one per assertion chain.
 */
public final class RoleAssert extends AbstractAssert<RoleAssert, TestRole> {

    private AssertionMode mode = AssertionMode.IN_PROCESS;

    RoleAssert(TestRole role) {
        super(role, RoleAssert.class);
    }

    /** Decide by evaluating the policy with the trust engine in this JVM (the default). */
    public RoleAssert inProcess() {
        mode = AssertionMode.IN_PROCESS;
        return myself;
    }

    /**
     * Decide by minting each token on the role's sandbox and calling its STS over HTTP with the AWS SDK, so the
     * provider, audience and signature are checked too. The role must come from {@link GitHubOidcSandbox#createRole}.
     */
    public RoleAssert endToEnd() {
        isNotNull();
        if (actual.sandbox() == null) {
            failWithMessage("End-to-end assertions need a role created in a sandbox (sandbox.createRole(...)), "
                    + "but %s exists only in process; use inProcess() or create it in a GitHubOidcSandbox", actual);
        }
        if (!actual.sandbox().isRunning()) {
            failWithMessage("End-to-end assertions need a running sandbox, but the sandbox of %s is closed", actual);
        }
        mode = AssertionMode.END_TO_END;
        return myself;
    }

    /** The mode the next assertions use. */
    public AssertionMode mode() {
        return mode;
    }

    /** Verifies that each run may assume the role. */
    public RoleAssert allows(WorkflowRun... runs) {
        return expect(true, runs);
    }

    /** Verifies that no run may assume the role. */
    public RoleAssert denies(WorkflowRun... runs) {
        return expect(false, runs);
    }

    /** {@link #allows(WorkflowRun...)} for a context asking for audience {@code sts.amazonaws.com}. */
    public RoleAssert allows(WorkflowContext context) {
        return allows(WorkflowRun.of(context));
    }

    /** {@link #denies(WorkflowRun...)} for a context asking for audience {@code sts.amazonaws.com}. */
    public RoleAssert denies(WorkflowContext context) {
        return denies(WorkflowRun.of(context));
    }

    private RoleAssert expect(boolean allow, WorkflowRun... runs) {
        isNotNull();
        for (WorkflowRun run : runs) {
            Verdict verdict = Judges.judge(mode, actual, run);
            if (verdict.allowed() != allow) {
                failWithMessage("%s", FailureMessages.render(actual.name(), allow, run.toString(), mode.description(),
                        verdict));
            }
        }
        return myself;
    }

    /**
     * Verifies that the linter (every built-in rule) finds no error or warning: the same threshold as
     * {@code gha-oidc trust lint} (default {@code --fail-on warning}), so a policy the CLI passes passes here.
     * {@code INFO} advice (e.g. GHA018 on the hardened reference policy) is allowed; to refuse it too, use
     * {@link #hasNoLintFindingsAtOrAbove(Severity) hasNoLintFindingsAtOrAbove(Severity.INFO)}.
     */
    public RoleAssert hasNoLintFindings() {
        return hasNoLintFindingsAtOrAbove(Severity.WARNING);
    }

    /**
     * Verifies that the linter finds nothing of {@code severity} or worse ({@code ERROR}: errors only;
     * {@code WARNING}: errors and warnings, as {@link #hasNoLintFindings()}; {@code INFO}: nothing at all).
     */
    public RoleAssert hasNoLintFindingsAtOrAbove(Severity severity) {
        isNotNull();
        List<LintFinding> findings = lintFindings().stream().filter(f -> f.severity().atLeast(severity)).toList();
        if (!findings.isEmpty()) {
            failWithMessage("Expecting role %s to have no lint findings of severity %s or worse, but found %d:%n%s",
                    actual.name(), severity, findings.size(),
                    findings.stream().map(f -> "  " + f).collect(Collectors.joining("\n")));
        }
        return myself;
    }

    /** The linter's findings for the role's policy, most severe first. */
    public List<LintFinding> lintFindings() {
        return TrustPolicyLinter.create().lint(actual.policy());
    }

    /**
     * An assertion on the names of the exploration cases that may assume the role ("who can assume this
     * role?", the core's {@link ContextMatrix} for {@code repository}); its description is the matrix, so a
     * failure prints it. E.g. {@code whoCanAssume("octo-org/app").containsExactly("push-default-branch")}.
     */
    public ListAssert<String> whoCanAssume(String repository) {
        isNotNull();
        ExplorationReport report = explorationReport(repository);
        return Assertions.assertThat(report.allowedCases())
                .as("who can assume %s (cases of %s that are allowed)%n%s", actual.name(), repository, report.toText());
    }

    /** The exploration report for {@code repository}'s realistic workflow contexts. */
    public ExplorationReport explorationReport(String repository) {
        return TrustExplorer.builder().roleArn(actual.arn()).build()
                .explore(actual.policy(), ContextMatrix.builder().repository(repository).build());
    }

    /** Prints the exploration matrix for {@code repository} to {@code System.out}; returns this. */
    public RoleAssert printExplorationMatrix(String repository) {
        return printExplorationMatrix(repository, System.out);
    }

    /** Prints the exploration matrix for {@code repository} to {@code out} (borrowed, not closed); returns this. */
    public RoleAssert printExplorationMatrix(String repository, PrintStream out) {
        out.println("Who can assume " + actual.name() + " (" + actual.origin() + "):");
        out.print(explorationReport(repository).toText());
        out.flush();
        return myself;
    }
}
