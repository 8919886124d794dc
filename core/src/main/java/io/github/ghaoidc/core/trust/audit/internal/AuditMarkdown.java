package io.github.ghaoidc.core.trust.audit.internal;

import io.github.ghaoidc.core.trust.audit.AuditReport;
import io.github.ghaoidc.core.trust.audit.RoleAudit;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;

/** The audit as GitHub-flavoured Markdown for {@code $GITHUB_STEP_SUMMARY}: a table, then the findings per role. */
public final class AuditMarkdown {

    private AuditMarkdown() {
    }

    public static String report(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## GitHub OIDC trust audit")
                .append(report.account() == null ? "" : " of account " + report.account()).append("\n\n");
        out.append(report.roles().size()).append(report.roles().size() == 1 ? " role trusts" : " roles trust")
                .append(" GitHub; ").append(report.skipped()).append(" other")
                .append(report.skipped() == 1 ? " role was" : " roles were").append(" skipped.\n\n");
        if (report.roles().isEmpty()) {
            return out.toString();
        }
        out.append("| role | exposure | also admits | legacy | errors | warnings |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (RoleAudit r : report.roles()) {
            out.append("| ").append(cell(r.name())).append(" | ").append(cell(AuditText.exposureLine(r)))
                    .append(" | ").append(cell(String.join(", ", AuditText.also(r))))
                    .append(" | ").append(r.legacy() ? "yes" : "no")
                    .append(" | ").append(count(r, Severity.ERROR))
                    .append(" | ").append(count(r, Severity.WARNING)).append(" |\n");
        }
        for (RoleAudit r : report.roles()) {
            if (r.findings().isEmpty()) {
                continue;
            }
            out.append("\n### ").append(cell(r.name())).append("\n\n");
            for (LintFinding f : r.findings()) {
                out.append("- **").append(f.severity()).append(' ').append(f.ruleId()).append("** `")
                        .append(f.path().replace("`", "'")).append("`: ").append(cell(f.message()))
                        .append(" Fix: ").append(cell(f.fix())).append('\n');
            }
        }
        return out.toString();
    }

    private static long count(RoleAudit r, Severity severity) {
        return r.findings().stream().filter(f -> f.severity() == severity).count();
    }

    /** Text safe inside a table cell: pipes escaped, line breaks folded, Markdown/HTML specials neutralised. */
    static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace('\n', ' ').replace('\r', ' ');
    }
}
