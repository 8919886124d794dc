package io.github.ghaoidc.core.trust.lint.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.trust.DuplicateKey;
import io.github.ghaoidc.core.trust.internal.JsonPaths;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** GHA013: duplicate JSON member names (one is silently dropped) and names differing only in case. */
final class DuplicateKeyRule extends Rule {

    private static final int MAX_DEPTH = 64;

    DuplicateKeyRule() {
        super("GHA013", "duplicate JSON keys, or keys differing only in case");
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (DuplicateKey duplicate : context.policy().duplicateKeys()) {
            findings.add(finding(Severity.ERROR, duplicate.path(),
                    "\"" + duplicate.name() + "\" occurs " + duplicate.occurrences() + " times in one object; JSON "
                            + "readers keep only one, silently dropping the others (with their conditions)",
                    "merge the entries into one \"" + duplicate.name() + "\" object"));
        }
        if (context.json() != null) {
            caseVariants(context.json(), JsonPaths.ROOT, 0, findings);
        }
        return findings;
    }

    private void caseVariants(JsonNode node, String path, int depth, List<LintFinding> findings) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                caseVariants(node.get(i), JsonPaths.index(path, i), depth + 1, findings);
            }
            return;
        }
        Map<String, String> byFolded = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            String earlier = byFolded.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            if (earlier != null) {
                findings.add(finding(Severity.WARNING, JsonPaths.member(path, name),
                        "\"" + name + "\" and \"" + earlier + "\" differ only in case; condition keys are "
                                + "case-insensitive, so both name the same key and both must hold, which is rarely meant",
                        "keep one spelling and merge the values"));
            }
            caseVariants(field.getValue(), JsonPaths.member(path, name), depth + 1, findings);
        }
    }
}
