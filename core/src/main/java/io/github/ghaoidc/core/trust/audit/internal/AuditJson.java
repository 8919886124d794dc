package io.github.ghaoidc.core.trust.audit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.audit.AuditReport;
import io.github.ghaoidc.core.trust.audit.RoleAudit;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import java.util.List;

/** The audit as JSON: {@code {"account", "roles": [...], "skipped"}}. */
public final class AuditJson {

    private AuditJson() {
    }

    public static ObjectNode report(AuditReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (report.account() == null) {
            root.putNull("account");
        } else {
            root.put("account", report.account());
        }
        ArrayNode roles = root.putArray("roles");
        for (RoleAudit role : report.roles()) {
            roles.add(role(role));
        }
        root.put("skipped", report.skipped());
        return root;
    }

    static ObjectNode role(RoleAudit r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("name", r.name()).put("arn", r.arn())
                .put("exposure", r.exposure().jsonName());
        if (r.latentExposure() != null) {
            o.put("latentExposure", r.latentExposure().jsonName());
        }
        strings(o.putArray("owners"), r.owners());
        strings(o.putArray("repositories"), r.repositories());
        o.put("pullRequests", r.pullRequests()).put("otherBranches", r.otherBranches()).put("tags", r.tags())
                .put("environments", r.environments()).put("legacy", r.legacy());
        strings(o.putArray("providers"), r.providers());
        strings(o.putArray("missingProviders"), r.missingProviders());
        ArrayNode findings = o.putArray("findings");
        for (LintFinding f : r.findings()) {
            findings.add(f.toJsonNode());
        }
        strings(o.putArray("admitted"), r.admitted());
        strings(o.putArray("notes"), r.notes());
        return o;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
