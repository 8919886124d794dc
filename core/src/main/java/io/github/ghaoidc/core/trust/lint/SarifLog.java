package io.github.ghaoidc.core.trust.lint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.source.PolicyTree;
import io.github.ghaoidc.core.trust.source.SourceLocation;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Lint findings as a SARIF 2.1.0 log for GitHub code scanning ({@code github/codeql-action/upload-sarif}): tool
 * {@code gha-oidc} with one rule per GHA id, a result per finding with the file and line it was written at (relative
 * to a base directory, the working directory by default) and a {@code partialFingerprints} entry that does not move
 * with line numbers, so re-runs de-duplicate; files that could not be read become tool notifications. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * String sarif = SarifLog.builder().toolVersion("1.2.0")
 *         .policy(sourced, TrustPolicyLinter.create().lint(TrustPolicy.parse(sourced.document())))
 *         .build().toJson();
 * }</pre>
 */
public final class SarifLog {

    /** The key of the fingerprint each result carries. */
    public static final String FINGERPRINT = "ghaOidcFinding/v1";

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final Map<String, Severity> DEFAULT_LEVELS = defaultLevels();

    private final String toolVersion;
    private final Path baseDirectory;
    private final List<LintRule> rules;
    private final List<Map.Entry<SourcedPolicy, List<LintFinding>>> policies;
    private final List<PolicyTree.Problem> problems;

    private SarifLog(Builder builder) {
        this.toolVersion = builder.toolVersion;
        this.baseDirectory = builder.baseDirectory.toAbsolutePath().normalize();
        this.rules = List.copyOf(builder.rules);
        this.policies = List.copyOf(builder.policies);
        this.problems = List.copyOf(builder.problems);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default level of a rule in SARIF: the most severe level it reports (docs/lint-rules.md), else warning. */
    public static Severity defaultSeverity(String ruleId) {
        return DEFAULT_LEVELS.getOrDefault(ruleId, Severity.WARNING);
    }

    /** The log as a JSON tree. */
    public ObjectNode toJsonNode() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode log = f.objectNode().put("$schema", SCHEMA).put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver").put("name", "gha-oidc").put("version", toolVersion)
                .put("semanticVersion", semantic(toolVersion));
        Map<String, Integer> index = new LinkedHashMap<>();
        ArrayNode ruleArray = driver.putArray("rules");
        for (LintRule rule : rules) {
            index.put(rule.id(), index.size());
            ruleArray.add(rule(rule.id(), rule.title()));
        }
        ArrayNode results = run.putArray("results");
        for (Map.Entry<SourcedPolicy, List<LintFinding>> policy : policies) {
            for (LintFinding finding : policy.getValue()) {
                if (!index.containsKey(finding.ruleId())) {
                    index.put(finding.ruleId(), index.size());
                    ruleArray.add(rule(finding.ruleId(), finding.ruleId()));
                }
                results.add(result(policy.getKey(), finding, index.get(finding.ruleId())));
            }
        }
        ObjectNode invocation = run.putArray("invocations").addObject().put("executionSuccessful", problems.isEmpty());
        ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
        for (PolicyTree.Problem problem : problems) {
            ObjectNode n = notifications.addObject().put("level", "error");
            n.putObject("message").put("text", problem.message());
            SourceLocation at = problem.location().orElse(new SourceLocation(problem.file(), 0, 0));
            n.putArray("locations").add(physical(at));
        }
        return log;
    }

    /** The log as JSON text. */
    public String toJson() {
        return toJsonNode().toPrettyString();
    }

    private ObjectNode rule(String id, String title) {
        Severity level = defaultSeverity(id);
        ObjectNode rule = JsonNodeFactory.instance.objectNode().put("id", id).put("name", id);
        rule.putObject("shortDescription").put("text", title);
        rule.putObject("fullDescription").put("text", id + ": " + title + " in an IAM role trust policy for GitHub "
                + "Actions OIDC.");
        String help = title + ". Each result names the element and says what to write instead; docs/lint-rules.md ("
                + id + ") explains why it matters, with examples and the fix.";
        rule.putObject("help").put("text", help).put("markdown", "**" + id + "**: " + help);
        rule.putObject("defaultConfiguration").put("level", level(level));
        ObjectNode properties = rule.putObject("properties");
        properties.putArray("tags").add("security").add("iam").add("github-actions");
        properties.put("security-severity", securitySeverity(level));
        return rule;
    }

    private ObjectNode result(SourcedPolicy policy, LintFinding finding, int ruleIndex) {
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("ruleId", finding.ruleId()).put("ruleIndex", ruleIndex)
                .put("level", level(finding.severity()));
        result.putObject("message").put("text", finding.message() + ". Fix: " + finding.fix() + " (at " + finding.path()
                + " of " + policy.origin() + ")");
        SourceLocation at = policy.locate(finding.path()).orElseGet(() -> fallback(policy));
        String role = policy.roleLabel().isEmpty() ? policy.origin() : policy.roleLabel();
        ObjectNode location = physical(at);
        location.putArray("logicalLocations").addObject().put("name", role)
                .put("fullyQualifiedName", role + " " + finding.path()).put("kind", "member");
        result.putArray("locations").add(location);
        result.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(finding.ruleId(), uri(at.file()),
                role, finding.path()));
        result.putObject("properties").put("jsonPath", finding.path()).put("policy", policy.origin());
        return result;
    }

    private ObjectNode physical(SourceLocation at) {
        ObjectNode location = JsonNodeFactory.instance.objectNode();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(at.file()));
        if (at.line() > 0) {
            ObjectNode region = physical.putObject("region").put("startLine", at.line());
            if (at.column() > 0) {
                region.put("startColumn", at.column());
            }
        }
        return location;
    }

    /**
     * The file relative to the base directory, with forward slashes and percent-encoding, as code scanning wants it;
     * a file outside the base directory as an absolute {@code file:} URI.
     */
    private String uri(String file) {
        Path absolute = Path.of(file).toAbsolutePath().normalize();
        if (!absolute.startsWith(baseDirectory)) {
            return absolute.toUri().toASCIIString();
        }
        String slashes = baseDirectory.relativize(absolute).toString().replace('\\', '/');
        try {
            return new URI(null, null, slashes, null).toASCIIString();
        } catch (URISyntaxException e) {
            return slashes;
        }
    }

    /** Where a finding with no recorded element location is reported: the file and line the policy's origin names. */
    private static SourceLocation fallback(SourcedPolicy policy) {
        String origin = policy.origin();
        return SourceLocation.leading(origin).orElseGet(() -> {
            int colon = origin.indexOf(": ");
            return new SourceLocation(colon < 0 ? origin : origin.substring(0, colon), 1, 0);
        });
    }

    private static String fingerprint(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "8.0";
            case WARNING -> "5.0";
            case INFO -> "2.0";
        };
    }

    private static String semantic(String version) {
        return version.matches("\\d+\\.\\d+\\.\\d+.*") ? version : "0.0.0-" + version.replaceAll("[^0-9A-Za-z-]", "-");
    }

    private static Map<String, Severity> defaultLevels() {
        Properties properties = new Properties();
        try (InputStream in = SarifLog.class.getResourceAsStream("rule-severities.properties")) {
            properties.load(Objects.requireNonNull(in, "rule-severities.properties is missing from the jar"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Severity> out = new LinkedHashMap<>();
        properties.forEach((id, level) -> out.put((String) id, Severity.valueOf((String) level)));
        return out;
    }

    @Override
    public String toString() {
        return "SarifLog[tool=gha-oidc " + toolVersion + ", policies=" + policies.size() + ", problems=" + problems.size()
                + "]";
    }

    /** Builds a {@link SarifLog}. */
    public static final class Builder {
        private String toolVersion = "dev";
        private Path baseDirectory = Path.of("");
        private List<LintRule> rules = TrustPolicyLinter.defaultRules();
        private final List<Map.Entry<SourcedPolicy, List<LintFinding>>> policies = new ArrayList<>();
        private final List<PolicyTree.Problem> problems = new ArrayList<>();

        private Builder() {
        }

        /** The tool version written in the log; default {@code dev}. */
        public Builder toolVersion(String toolVersion) {
            this.toolVersion = Objects.requireNonNull(toolVersion, "toolVersion");
            return this;
        }

        /** The directory artifact URIs are relative to (the repository root); default the working directory. */
        public Builder baseDirectory(Path baseDirectory) {
            this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
            return this;
        }

        /** The rules the log describes; default every built-in rule. */
        public Builder rules(List<LintRule> rules) {
            this.rules = List.copyOf(rules);
            return this;
        }

        /** A policy and its findings (possibly none). */
        public Builder policy(SourcedPolicy policy, List<LintFinding> findings) {
            this.policies.add(Map.entry(Objects.requireNonNull(policy, "policy"), List.copyOf(findings)));
            return this;
        }

        /** A file that could not be read: reported as an error notification of the run. */
        public Builder problem(PolicyTree.Problem problem) {
            this.problems.add(Objects.requireNonNull(problem, "problem"));
            return this;
        }

        public SarifLog build() {
            return new SarifLog(this);
        }
    }
}
