package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA026: a raw {@code :} in an environment name inside sub; GitHub sends it as {@code %3A}. */
final class EnvironmentColonRule extends Rule {

    private static final String MARK = ":environment:";

    EnvironmentColonRule() {
        super("GHA026", "raw ':' in an environment name inside sub");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        ValueVisitor.pinnedValues(context, "sub", (statement, condition, i, value) -> {
            int at = value.indexOf(MARK);
            if (!value.startsWith("repo:") || at < 0) {
                return;
            }
            String environment = value.substring(at + MARK.length());
            if (environment.indexOf(':') >= 0) {
                findings.add(finding(Severity.ERROR, GitHubTerms.valuePath(condition, i),
                        "environment \"" + environment + "\" contains ':', which GitHub writes as %3A in sub, so this "
                                + "value never matches",
                        "write \"" + value.substring(0, at + MARK.length()) + environment.replace(":", "%3A") + "\""));
            }
        });
        return findings;
    }
}
