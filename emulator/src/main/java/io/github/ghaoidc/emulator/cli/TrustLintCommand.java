package io.github.ghaoidc.emulator.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import io.github.ghaoidc.core.trust.lint.TrustPolicyLinter;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gha-oidc trust lint}: the mistakes that let the wrong workflows in. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Lints a role trust policy for GitHub OIDC (rules GHA001-GHA028, see docs/lint-rules.md).",
            "Exit status: 0 no finding at or above --fail-on, 1 some, 2 invalid input."})
final class TrustLintCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--audience", paramLabel = "AUD",
            description = "A client ID of the OIDC provider; repeatable (default sts.amazonaws.com).")
    List<String> audiences = List.of(TrustPolicyLinter.DEFAULT_AUDIENCE);

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "error, warning or info (default ${DEFAULT-VALUE}).",
            defaultValue = "warning")
    String failOn;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default ${DEFAULT-VALUE}).",
            defaultValue = "text")
    OutputFormat format;

    @Override
    public Integer call() {
        Severity threshold = severity(failOn);
        SourcedPolicy sourced = policy.read(null);
        List<LintFinding> findings = TrustPolicyLinter.builder().audiences(audiences).build()
                .lint(PolicyOptions.parse(sourced));
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(json(sourced, findings));
        } else {
            out.println(sourced.origin() + ": " + findings.size() + (findings.size() == 1 ? " finding" : " findings"));
            for (LintFinding f : findings) {
                out.println(f.severity() + " " + f.ruleId() + " " + f.path());
                out.println("  " + f.message());
                out.println("  fix: " + f.fix());
            }
        }
        out.flush();
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold)) ? 1 : 0;
    }

    static Severity severity(String name) {
        try {
            return Severity.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException("--fail-on must be error, warning or info, got: " + name);
        }
    }

    private static String json(SourcedPolicy sourced, List<LintFinding> findings) {
        ObjectNode root = TokenClaims.JSON.createObjectNode().put("policy", sourced.origin());
        ArrayNode array = root.putArray("findings");
        for (LintFinding f : findings) {
            array.add(f.toJsonNode());
        }
        return root.toString();
    }
}
