package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GHA019: a sub value half in the immutable form ({@code repo:OWNER@ID/REPO:…}), which GitHub never
 * sends, or a policy mixing the legacy and the immutable form (only one is sent at a time).
 */
final class SubjectFormatRule extends Rule {

    private static final Pattern REPO = Pattern.compile("repo:([^/:]*)/([^:]*)(:.*)?");

    SubjectFormatRule() {
        super("GHA019", "legacy and immutable subject formats mixed or half-written");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        List<String> legacy = new ArrayList<>();
        List<String> immutable = new ArrayList<>();
        ValueVisitor.pinnedValues(context, "sub", (statement, condition, i, value) -> {
            Matcher m = REPO.matcher(value);
            if (!m.matches()) {
                return;
            }
            boolean ownerId = m.group(1).contains("@");
            boolean repoId = m.group(2).contains("@");
            String path = GitHubTerms.valuePath(condition, i);
            if (ownerId != repoId) {
                findings.add(finding(Severity.ERROR, path,
                        "\"" + value + "\" gives an ID for only one of owner and repository; GitHub's immutable subject "
                                + "carries both (repo:OWNER@OWNER_ID/REPO@REPO_ID:…), so this never matches",
                        "write both IDs, or neither"));
            } else if (ownerId) {
                immutable.add(path);
            } else {
                legacy.add(path);
            }
        });
        if (!legacy.isEmpty() && !immutable.isEmpty()) {
            findings.add(finding(Severity.INFO, immutable.get(0),
                    "the policy mixes legacy (" + legacy.get(0) + ") and immutable subjects; a repository sends "
                            + "only one form, so one of them never matches",
                    "keep both only while migrating, then remove the form the repository no longer sends"));
        }
        return findings;
    }
}
