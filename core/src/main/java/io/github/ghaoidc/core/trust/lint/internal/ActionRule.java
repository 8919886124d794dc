package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.internal.Glob;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** GHA015: a Federated statement whose actions are not sts:AssumeRoleWithWebIdentity (and sts:TagSession). */
final class ActionRule extends Rule {

    private static final String WEB_IDENTITY = "sts:AssumeRoleWithWebIdentity";

    ActionRule() {
        super("GHA015", "action other than sts:AssumeRoleWithWebIdentity for a Federated principal");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            if (statement.principal() == null || statement.principal().valuesOf("Federated").isEmpty()) {
                continue;
            }
            String fix = "use \"Action\": \"" + WEB_IDENTITY + "\" (add \"sts:TagSession\" only if session tags are needed)";
            if (statement.notAction() != null) {
                findings.add(finding(Severity.WARNING, statement.path() + ".NotAction",
                        "NotAction grants every action not listed to the federated principal", fix));
                continue;
            }
            List<String> actions = statement.action() == null ? List.of() : statement.action();
            boolean webIdentity = false;
            for (int i = 0; i < actions.size(); i++) {
                String action = actions.get(i);
                boolean matches = Glob.of(action, true).matches(WEB_IDENTITY);
                webIdentity |= matches;
                String lower = action.toLowerCase(Locale.ROOT);
                if (lower.equals(WEB_IDENTITY.toLowerCase(Locale.ROOT)) || lower.equals("sts:tagsession")) {
                    continue;
                }
                String path = statement.path() + ".Action" + (actions.size() == 1 ? "" : "[" + i + "]");
                findings.add(finding(Severity.WARNING, path,
                        "\"" + action + "\" " + (matches ? "is broader than the one action web identity needs"
                                : "is not an action a federated web identity performs"), fix));
            }
            if (!webIdentity) {
                findings.add(finding(Severity.ERROR, statement.path() + ".Action",
                        "no action of this statement covers " + WEB_IDENTITY + ", so it never lets a token in", fix));
            }
        }
        return findings;
    }
}
