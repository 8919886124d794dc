package io.github.ghaoidc.core.trust.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * "Who can assume this role?": every context tried, with its decision. Read it row by row, as a text
 * table ({@link #toText()}) or as JSON ({@link #toJson()}). Immutable and thread-safe.
 */
public final class ExplorationReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String repository;
    private final String roleArn;
    private final List<ExplorationResult> results;

    ExplorationReport(String repository, String roleArn, List<ExplorationResult> results) {
        this.repository = repository;
        this.roleArn = roleArn;
        this.results = List.copyOf(results);
    }

    public String repository() {
        return repository;
    }

    /** The role ARN the requests named (it gives the account the provider ARN must be in). */
    public String roleArn() {
        return roleArn;
    }

    public List<ExplorationResult> results() {
        return results;
    }

    /** The names of the allowed contexts, in matrix order. */
    public List<String> allowedCases() {
        return results.stream().filter(ExplorationResult::allowed).map(r -> r.explorationCase().name())
                .collect(Collectors.toList());
    }

    /** A table: case, decision, deciding statement or reason, subject. */
    public String toText() {
        int nameWidth = Math.max(4, results.stream().mapToInt(r -> r.explorationCase().name().length()).max().orElse(4));
        StringBuilder out = new StringBuilder();
        out.append("Who can assume ").append(roleArn).append(" (contexts of ").append(repository).append(")\n");
        String format = "%-" + nameWidth + "s  %-13s  %s%n";
        out.append(String.format(format, "CASE", "DECISION", "WHY / SUBJECT"));
        for (ExplorationResult r : results) {
            out.append(String.format(format, r.explorationCase().name(), r.decision(), r.reason()));
            out.append(String.format(format, "", "", "sub=" + r.explorationCase().subject()
                    + (r.explorationCase().audience().equals("sts.amazonaws.com") ? "" : " aud=" + r.explorationCase().audience())));
            if (r.explorationCase().note() != null) {
                out.append(String.format(format, "", "", "note: " + r.explorationCase().note()));
            }
        }
        out.append(allowedCases().size()).append(" of ").append(results.size()).append(" contexts allowed\n");
        return out.toString();
    }

    /** The report as a Jackson tree. */
    public ObjectNode toJsonNode() {
        ObjectNode root = JSON.createObjectNode();
        root.put("repository", repository);
        root.put("roleArn", roleArn);
        ArrayNode rows = root.putArray("results");
        for (ExplorationResult r : results) {
            ObjectNode row = rows.addObject();
            row.put("case", r.explorationCase().name());
            row.put("description", r.explorationCase().description());
            row.put("issuer", r.explorationCase().issuer());
            row.put("sub", r.explorationCase().subject());
            row.put("aud", r.explorationCase().audience());
            row.put("decision", r.decision().name());
            row.put("allowed", r.allowed());
            if (r.decidingStatement() == null) {
                row.putNull("decidingStatement");
            } else {
                row.put("decidingStatement", r.decidingStatement());
            }
            row.put("reason", r.reason());
            if (r.explorationCase().note() == null) {
                row.putNull("note");
            } else {
                row.put("note", r.explorationCase().note());
            }
        }
        return root;
    }

    /** The report as one JSON document. */
    public String toJson() {
        return toJsonNode().toString();
    }

    @Override
    public String toString() {
        return "ExplorationReport[" + repository + ", allowed=" + allowedCases() + "]";
    }
}
