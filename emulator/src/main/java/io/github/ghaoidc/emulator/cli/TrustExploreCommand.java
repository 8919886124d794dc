package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import io.github.ghaoidc.core.trust.explore.ContextMatrix;
import io.github.ghaoidc.core.trust.explore.ExplorationReport;
import io.github.ghaoidc.core.trust.explore.TrustExplorer;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gha-oidc trust explore}: which workflows of a repository (and beyond) can assume the role. */
@Command(name = "explore", mixinStandardHelpOptions = true,
        description = {"Evaluates a trust policy against realistic workflow contexts of a repository: branches, tags, "
                + "pull requests, environments, dispatch, schedule, reusable workflows, sibling and foreign "
                + "repositories, renamed repository, other audience, enterprise issuer.",
            "Exit status: 0 report printed, 2 invalid input."})
final class TrustExploreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--repository", paramLabel = "OWNER/REPO", required = true, description = "The repository whose contexts to try.")
    String repository;

    @Option(names = "--default-branch", paramLabel = "BRANCH", defaultValue = "main", description = "Default ${DEFAULT-VALUE}.")
    String defaultBranch;

    @Option(names = "--environment", paramLabel = "NAME", description = "Deployment environment to try; repeatable (default production).")
    List<String> environments = List.of("production");

    @Option(names = "--audience", paramLabel = "AUD", defaultValue = "sts.amazonaws.com", description = "Audience workflows request (default ${DEFAULT-VALUE}).")
    String audience;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "Role being assumed (default: a role in the account of the policy's provider ARN).")
    String roleArn;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default ${DEFAULT-VALUE}).", defaultValue = "text")
    OutputFormat format;

    @Option(names = "--require-saveable",
            description = "Refuse (exit 2) a policy IAM would refuse to save today, as for a policy about to be deployed. "
                    + "Default: answer for it with a legacy warning, as STS does for roles created before 2025-06-06.")
    boolean requireSaveable;

    @Override
    public Integer call() {
        ExplorationReport report;
        IamVerdict verdict;
        try {
            ContextMatrix matrix = ContextMatrix.builder().repository(repository).defaultBranch(defaultBranch)
                    .environments(environments).audience(audience).build();
            SourcedPolicy sourced = policy.read(PolicyOptions.accountOf(roleArn));
            TrustPolicy parsed = PolicyOptions.parse(sourced);
            verdict = IamVerdict.of(parsed, sourced, requireSaveable);
            report = TrustExplorer.builder().roleArn(roleArn).build().explore(parsed, matrix);
        } catch (TrustPolicyException e) {
            throw new CliException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            ObjectNode json = report.toJsonNode();
            verdict.addTo(json);
            out.println(json);
        } else {
            verdict.print(out);
            out.print(report.toText());
        }
        out.flush();
        return 0;
    }
}
