package io.github.ghaoidc.core.trust.audit.internal;

import io.github.ghaoidc.core.trust.audit.AuditReport;
import io.github.ghaoidc.core.trust.audit.Exposure;
import io.github.ghaoidc.core.trust.audit.RoleAudit;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import java.util.ArrayList;
import java.util.List;

/** The audit for a person: a summary line, then one block per role, most exposed first as given. */
public final class AuditText {

    private AuditText() {
    }

    public static String report(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append("account ").append(report.account() == null ? "(unknown)" : report.account()).append(": ")
                .append(report.roles().size()).append(report.roles().size() == 1 ? " role trusts" : " roles trust")
                .append(" GitHub, ").append(report.skipped()).append(" other")
                .append(report.skipped() == 1 ? " role" : " roles").append(" skipped\n");
        for (RoleAudit r : report.roles()) {
            out.append('\n').append(r.name()).append(" (").append(r.arn()).append(")\n");
            out.append("  exposure: ").append(exposureLine(r)).append('\n');
            List<String> also = also(r);
            if (!also.isEmpty()) {
                out.append("  also admits: ").append(String.join(", ", also)).append('\n');
            }
            if (r.legacy()) {
                out.append("  legacy: IAM refuses to save this policy since 2025-06-06; the role keeps it and STS "
                        + "evaluates it\n");
            }
            for (String note : r.notes()) {
                out.append("  note: ").append(note).append('\n');
            }
            for (LintFinding f : r.findings()) {
                out.append("  ").append(f.severity()).append(' ').append(f.ruleId()).append(' ').append(f.path())
                        .append(": ").append(f.message()).append('\n');
                out.append("    fix: ").append(f.fix()).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code owners [octo-org]}, {@code repositories [octo-org/app]}, {@code anyone}, … */
    static String exposureLine(RoleAudit r) {
        StringBuilder line = new StringBuilder(r.exposure().jsonName());
        if (r.exposure() == Exposure.ANYONE) {
            line.append(" (a workflow of an owner the policy never names gets in)");
        } else if (r.exposure() == Exposure.OWNERS) {
            line.append(' ').append(r.owners()).append(" (any repository of these owners)");
        } else if (r.exposure() == Exposure.REPOSITORIES) {
            line.append(' ').append(r.repositories());
        }
        if (r.latentExposure() != null) {
            line.append("; ").append(r.latentExposure().jsonName()).append(" once its OIDC provider is created");
        }
        return line.toString();
    }

    /** The risky kinds of run that get in. */
    static List<String> also(RoleAudit r) {
        List<String> out = new ArrayList<>();
        if (r.pullRequests()) {
            out.add("pull requests");
        }
        if (r.otherBranches()) {
            out.add("other branches");
        }
        if (r.tags()) {
            out.add("tags");
        }
        if (r.environments()) {
            out.add("environments");
        }
        return out;
    }
}
