package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.SarifLog;
import io.github.ghaoidc.core.trust.lint.Severity;
import io.github.ghaoidc.core.trust.lint.TrustPolicyLinter;
import io.github.ghaoidc.core.trust.source.PolicyTree;
import io.github.ghaoidc.core.trust.source.PolicyTreeReader;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gha-oidc trust lint}: the mistakes that let the wrong workflows in, for one file or whole trees. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lints role trust policies for GitHub OIDC (rules GHA001-GHA028, see docs/lint-rules.md): one "
                + "--policy, several, or every role under each --dir (Terraform modules, CloudFormation and CDK "
                + "templates, plans, trust-policy JSON).",
            "Exit status: 0 no finding at or above --fail-on, 1 some, 2 invalid input (a tree: some file could not "
                + "be read; the report still covers the rest)."})
final class TrustLintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--dir", paramLabel = "DIR", description = "Lint every trust policy under DIR; repeatable. "
            + "Skips node_modules, .git and .terraform.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--audience", paramLabel = "AUD",
            description = "A client ID of the OIDC provider; repeatable (default sts.amazonaws.com).")
    List<String> audiences = List.of(TrustPolicyLinter.DEFAULT_AUDIENCE);

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "error, warning or info (default ${DEFAULT-VALUE}).",
            defaultValue = "warning")
    String failOn;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "text, json or sarif (SARIF 2.1.0 for GitHub code scanning) (default ${DEFAULT-VALUE}).",
            defaultValue = "text")
    String format;

    @Override
    public Integer call() {
        Severity threshold = severity(failOn);
        String output = format.toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "sarif").contains(output)) {
            throw new CliException("--format must be text, json or sarif, got: " + format);
        }
        TrustPolicyLinter linter = TrustPolicyLinter.builder().audiences(audiences).build();
        boolean tree = !dirs.isEmpty() || policy.policies.size() > 1;
        Map<SourcedPolicy, List<LintFinding>> linted = new LinkedHashMap<>();
        List<PolicyTree.Problem> problems = new ArrayList<>();
        if (tree) {
            if (policy.role != null) {
                throw new CliException("--role picks one role of one file; leave it out with --dir or several --policy");
            }
            List<Path> paths = new ArrayList<>(policy.policies);
            paths.addAll(dirs);
            PolicyTree found;
            try {
                found = PolicyTreeReader.builder().reader(policy.reader(PolicyOptions.DEFAULT_ACCOUNT)).build().read(paths);
            } catch (TrustPolicyException e) {
                throw new CliException(e.getMessage(), e);
            }
            problems.addAll(found.problems());
            for (SourcedPolicy sourced : found.policies()) {
                try {
                    linted.put(sourced, linter.lint(TrustPolicy.parse(sourced.document())));
                } catch (TrustPolicyException e) {
                    String at = sourced.locate("$").map(l -> l + ": ").orElse("");
                    problems.add(new PolicyTree.Problem(sourced.origin(), at + sourced.origin() + ": " + e.getMessage()));
                }
            }
        } else {
            SourcedPolicy sourced = policy.read(PolicyOptions.DEFAULT_ACCOUNT);
            linted.put(sourced, linter.lint(PolicyOptions.parse(sourced)));
        }
        PrintWriter out = spec.commandLine().getOut();
        switch (output) {
            case "sarif" -> out.println(sarif(linted, problems));
            case "json" -> out.println(tree ? treeJson(linted, problems) : json(linted.entrySet().iterator().next()));
            default -> text(out, linted, problems, tree);
        }
        out.flush();
        if (!problems.isEmpty()) {
            return 2;
        }
        return linted.values().stream().flatMap(List::stream).anyMatch(f -> f.severity().atLeast(threshold)) ? 1 : 0;
    }

    static Severity severity(String name) {
        try {
            return Severity.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException("--fail-on must be error, warning or info, got: " + name);
        }
    }

    private static void text(PrintWriter out, Map<SourcedPolicy, List<LintFinding>> linted,
            List<PolicyTree.Problem> problems, boolean tree) {
        int total = 0;
        for (Map.Entry<SourcedPolicy, List<LintFinding>> entry : linted.entrySet()) {
            List<LintFinding> findings = entry.getValue();
            total += findings.size();
            out.println(entry.getKey().origin() + ": " + count(findings.size(), "finding"));
            for (LintFinding f : findings) {
                String at = entry.getKey().locate(f.path()).map(l -> l + ": ").orElse("");
                out.println(at + f.severity() + " " + f.ruleId() + " " + f.path());
                out.println("  " + f.message());
                out.println("  fix: " + f.fix());
            }
        }
        for (PolicyTree.Problem problem : problems) {
            out.println("cannot read: " + problem.message());
        }
        if (tree) {
            out.println(count(linted.size(), "role") + ", " + count(total, "finding")
                    + (problems.isEmpty() ? "" : ", " + count(problems.size(), "file") + " that could not be read"));
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static ObjectNode json(Map.Entry<SourcedPolicy, List<LintFinding>> entry) {
        ObjectNode root = TokenClaims.JSON.createObjectNode().put("policy", entry.getKey().origin());
        ArrayNode array = root.putArray("findings");
        for (LintFinding f : entry.getValue()) {
            ObjectNode finding = array.addObject().setAll(f.toJsonNode());
            entry.getKey().locate(f.path()).ifPresent(at -> {
                finding.put("file", at.file()).put("line", at.line());
                if (at.column() > 0) {
                    finding.put("column", at.column());
                }
            });
        }
        return root;
    }

    private static String treeJson(Map<SourcedPolicy, List<LintFinding>> linted, List<PolicyTree.Problem> problems) {
        ObjectNode root = TokenClaims.JSON.createObjectNode();
        ArrayNode policies = root.putArray("policies");
        linted.entrySet().forEach(entry -> policies.add(json(entry)));
        ArrayNode refused = root.putArray("problems");
        for (PolicyTree.Problem problem : problems) {
            ObjectNode p = refused.addObject().put("file", problem.file());
            problem.location().ifPresent(at -> p.put("line", at.line()));
            p.put("message", problem.message());
        }
        return root.toString();
    }

    private static String sarif(Map<SourcedPolicy, List<LintFinding>> linted, List<PolicyTree.Problem> problems) {
        String version = Main.class.getPackage().getImplementationVersion();
        SarifLog.Builder log = SarifLog.builder().toolVersion(version == null ? "dev" : version);
        linted.forEach(log::policy);
        problems.forEach(log::problem);
        return log.build().toJson();
    }
}
