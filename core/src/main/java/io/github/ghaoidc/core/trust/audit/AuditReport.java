package io.github.ghaoidc.core.trust.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.audit.internal.AuditJson;
import io.github.ghaoidc.core.trust.audit.internal.AuditMarkdown;
import io.github.ghaoidc.core.trust.audit.internal.AuditText;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.List;
import java.util.Objects;

/**
 * An account's audit: each role that trusts a GitHub issuer with who can assume it, and how many roles trust no
 * GitHub issuer (counted, not listed). Immutable and thread-safe.
 *
 * @param account the account ID, or null when not known
 * @param roles the audited roles, in the order given
 * @param skipped how many roles trust no GitHub issuer
 */
public record AuditReport(String account, List<RoleAudit> roles, int skipped) {

    public AuditReport {
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
    }

    /** Whether some role has a finding at least as severe as {@code threshold}. */
    public boolean hasFindingAtLeast(Severity threshold) {
        return roles.stream().anyMatch(r -> r.hasFindingAtLeast(threshold));
    }

    /** {@code {"account", "roles": [{"name", "arn", "exposure", …, "findings": […]}], "skipped"}}. */
    public ObjectNode toJsonNode() {
        return AuditJson.report(this);
    }

    public String toJson() {
        return toJsonNode().toString();
    }

    /** One block per role: exposure, who gets in, then the findings as {@code SEVERITY RULE PATH: message}. */
    public String toText() {
        return AuditText.report(this);
    }

    /** A Markdown table with one row per role, fit for {@code $GITHUB_STEP_SUMMARY}, then the findings. */
    public String toMarkdown() {
        return AuditMarkdown.report(this);
    }
}
