package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gha-oidc demo}: the reference scenario end to end in one process — GitHub's issuer, an IAM account with
 * the provider and {@code GitHubActionsRole}, and an STS enforcing its trust policy — then several workflows ask
 * for credentials over HTTP with the AWS SDK, and the outcome is printed with the trust engine's reasons.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the reference scenario in one process: who gets AWS credentials, who is refused, and why.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--org", defaultValue = "octo-org", description = "GitHub organisation the role trusts (default: ${DEFAULT-VALUE}).")
    String org;

    @Option(names = "--repo", defaultValue = "octo-repo", description = "Repository the role trusts (default: ${DEFAULT-VALUE}).")
    String repo;

    @Option(names = "--account", defaultValue = "123456789012", description = "AWS account id (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--explain", description = "Print the trust engine's full explanation for each refusal.")
    boolean explain;

    @Override
    public Integer call() {
        if (!org.matches("[A-Za-z0-9][A-Za-z0-9-]{0,38}") || !repo.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--org must be a GitHub organisation name and --repo a repository name, got: " + org + "/" + repo);
        }
        PrintWriter out = spec.commandLine().getOut();
        String repository = org + "/" + repo;
        String policy = DemoScenario.referencePolicy(account, repository);
        try (GitHubOidcEmulator emulator = GitHubOidcEmulator.builder()
                .aws(AwsEmulation.builder().accountId(account))
                .awsOidcProvider(OidcProviderDefinition.gitHubActions())
                .awsRole(RoleDefinition.builder().roleName("GitHubActionsRole").assumeRolePolicyDocument(policy).build())
                .build().start()) {
            out.println("IAM account " + account + " at " + emulator.iamEndpoint());
            out.println("  OIDC provider  https://token.actions.githubusercontent.com  (audience sts.amazonaws.com)");
            out.println("  role           arn:aws:iam::" + account + ":role/GitHubActionsRole");
            out.println("  trust          StringLike token.actions.githubusercontent.com:sub = repo:" + repository + ":*");
            out.println();
            List<DemoScenario.Attempt> attempts = List.of(
                    new DemoScenario.Attempt("push to main of " + repository, WorkflowContext.push(repository, "main"),
                            "sts.amazonaws.com"),
                    new DemoScenario.Attempt("pull request #42 of " + repository,
                            WorkflowContext.pullRequest(repository, 42), "sts.amazonaws.com"),
                    new DemoScenario.Attempt("deploy job in environment production of " + repository,
                            WorkflowContext.inEnvironment(repository, "main", "production"), "sts.amazonaws.com"),
                    new DemoScenario.Attempt("push to main of " + org + "/other-repo",
                            WorkflowContext.push(org + "/other-repo", "main"), "sts.amazonaws.com"),
                    new DemoScenario.Attempt("push to main of " + repository + ", token for another audience",
                            WorkflowContext.push(repository, "main"), "https://github.com/" + org));
            new DemoScenario(emulator, account, out, explain).run(attempts);
            out.println();
            out.println("Note: the pattern repo:" + repository + ":* also admits pull requests; pin "
                    + ":ref:refs/heads/main or an environment to keep them out.");
            out.flush();
        }
        return 0;
    }
}
