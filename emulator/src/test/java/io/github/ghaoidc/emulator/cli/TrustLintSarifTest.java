package io.github.ghaoidc.emulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.github.ghaoidc.core.trust.lint.SarifLog;
import io.github.ghaoidc.core.trust.lint.Severity;
import io.github.ghaoidc.core.trust.lint.TrustPolicyLinter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code trust lint --format sarif}: valid against the SARIF 2.1.0 JSON schema (test data under
 * src/test/resources/sarif, with its licence), with file, line and stable fingerprints for code scanning.
 */
class TrustLintSarifTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema schema() throws Exception {
        try (InputStream in = TrustLintSarifTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    private static JsonNode sarifOfTree() throws Exception {
        CliRun run = TrustLintTreeTest.lint("--format", "sarif");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        return JSON.readTree(run.out());
    }

    @Test
    void theTreeLogValidatesAgainstTheSarifSchema() throws Exception {
        JsonNode log = sarifOfTree();

        List<Error> errors = schema().validate(log);

        assertThat(errors).isEmpty();
        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        assertThat(log.path("runs").get(0).path("results").size()).isEqualTo(16);
    }

    @Test
    void theSchemaItselfRejectsALogMissingWhatCodeScanningNeeds() throws Exception {
        JsonNode log = sarifOfTree();
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.path("runs").get(0).path("tool").path("driver")).remove("name");

        assertThat(schema().validate(log)).isNotEmpty();
    }

    @Test
    void everyResultCarriesARelativeUriItsLineAndAFingerprint() throws Exception {
        JsonNode run = sarifOfTree().path("runs").get(0);
        Path base = Path.of("").toAbsolutePath();

        Set<String> fingerprints = new HashSet<>();
        for (JsonNode result : run.path("results")) {
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            String uri = physical.path("artifactLocation").path("uri").asText();
            assertThat(uri).doesNotStartWith("/").doesNotContain("..").doesNotContain("\\");
            assertThat(Files.isRegularFile(base.resolve(uri))).as(uri).isTrue();
            assertThat(physical.path("region").path("startLine").asInt()).isPositive();
            fingerprints.add(result.path("partialFingerprints").path(SarifLog.FINGERPRINT).asText());
        }
        assertThat(fingerprints).hasSize(run.path("results").size()).doesNotContain("");
        JsonNode gha004 = find(run, "GHA004", "tf/reference/main.tf");
        assertThat(gha004.path("level").asText()).isEqualTo("warning");
        assertThat(gha004.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(20);
        assertThat(gha004.at("/message/text").asText()).contains("Fix: pin what may deploy");
        JsonNode cdk = find(run, "GHA003", "cdk.out/AppStack.template.json");
        assertThat(cdk.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(75);
    }

    @Test
    void fingerprintsDoNotMoveWhenLinesDo() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "sarif");
        Path tf = dir.resolve("main.tf");
        String reference = Files.readString(Path.of(CliRun.resource("tree/tf/reference/main.tf")));
        Files.writeString(tf, reference);
        Files.copy(Path.of(CliRun.resource("tree/tf/reference/variables.tf")), dir.resolve("variables.tf"));
        JsonNode before = JSON.readTree(CliRun.of("trust", "lint", "--policy", tf.toString(), "--format", "sarif").out());
        Files.writeString(tf, "# a comment moves every line down\n\n" + reference);
        JsonNode after = JSON.readTree(CliRun.of("trust", "lint", "--policy", tf.toString(), "--format", "sarif").out());

        assertThat(fingerprints(after)).isEqualTo(fingerprints(before)).isNotEmpty();
        assertThat(find(after.path("runs").get(0), "GHA004", "main.tf")
                .at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(22);
    }

    @Test
    void everyRuleIsDescribedWithTheDefaultLevelTheDocsGiveIt() throws Exception {
        JsonNode rules = sarifOfTree().at("/runs/0/tool/driver/rules");
        String docs = Files.readString(Path.of("..", "docs", "lint-rules.md"));
        Matcher table = Pattern.compile("(?m)^\\| (GHA\\d{3}) \\| (ERROR|WARNING|INFO)").matcher(docs);
        int checked = 0;
        while (table.find()) {
            assertThat(SarifLog.defaultSeverity(table.group(1))).as(table.group(1))
                    .isEqualTo(Severity.valueOf(table.group(2)));
            checked++;
        }
        assertThat(checked).isEqualTo(29);
        assertThat(rules.findValuesAsText("id")).containsExactlyElementsOf(
                TrustPolicyLinter.defaultRules().stream().map(r -> r.id()).toList());
        JsonNode gha004 = rules.get(3);
        assertThat(gha004.at("/defaultConfiguration/level").asText()).isEqualTo("warning");
        assertThat(gha004.at("/shortDescription/text").asText()).isEqualTo("sub pattern that admits pull_request workflows");
        assertThat(gha004.at("/help/text").asText()).contains("docs/lint-rules.md");
    }

    @Test
    void unreadableFilesBecomeErrorNotificationsAndTheLogStillValidates() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "sarif");
        Files.writeString(dir.resolve("main.tf"), "resource \"aws_iam_role\" \"r\" {\n  count = 2\n}\n");
        CliRun run = CliRun.of("trust", "lint", "--dir", dir.toString(), "--format", "sarif");

        assertThat(run.exit()).isEqualTo(2);
        JsonNode log = JSON.readTree(run.out());
        assertThat(schema().validate(log)).isEmpty();
        JsonNode invocation = log.at("/runs/0/invocations/0");
        assertThat(invocation.path("executionSuccessful").asBoolean()).isFalse();
        JsonNode notification = invocation.path("toolExecutionNotifications").get(0);
        assertThat(notification.path("level").asText()).isEqualTo("error");
        assertThat(notification.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
        assertThat(notification.at("/message/text").asText()).contains("count needs terraform plan");
    }

    private static Set<String> fingerprints(JsonNode log) {
        Set<String> out = new HashSet<>();
        log.at("/runs/0/results").forEach(r -> out.add(r.path("partialFingerprints").path(SarifLog.FINGERPRINT).asText()));
        return out;
    }

    private static JsonNode find(JsonNode run, String ruleId, String uriSuffix) {
        for (JsonNode result : run.path("results")) {
            if (result.path("ruleId").asText().equals(ruleId) && result.at("/locations/0/physicalLocation/artifactLocation/uri")
                    .asText().endsWith(uriSuffix)) {
                return result;
            }
        }
        throw new AssertionError("no " + ruleId + " result in " + uriSuffix);
    }
}
