package io.github.ghaoidc.core.trust.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.source.PolicySourceReader;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifact URIs of the SARIF log: relative to the base directory, and absolute {@code file:} URIs outside it. */
class SarifLogTest {

    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
             "Action":"sts:AssumeRoleWithWebIdentity",
             "Condition":{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:octo-org/octo-repo:*"}}}]}
            """;

    @TempDir
    Path dir;

    private JsonNode location(Path base, Path file) {
        SourcedPolicy sourced = PolicySourceReader.create().read(file);
        return SarifLog.builder().toolVersion("1.2.3").baseDirectory(base)
                .policy(sourced, TrustPolicyLinter.create().lint(TrustPolicy.parse(sourced.document())))
                .build().toJsonNode().at("/runs/0/results/0/locations/0/physicalLocation");
    }

    @Test
    void aFileUnderTheBaseIsRelativeWithForwardSlashesAndEncoding() throws Exception {
        Path file = Files.createDirectories(dir.resolve("infra/trust policies")).resolve("deploy.json");
        Files.writeString(file, POLICY);

        JsonNode at = location(dir, file);

        assertThat(at.at("/artifactLocation/uri").asText()).isEqualTo("infra/trust%20policies/deploy.json");
        assertThat(at.at("/region/startLine").asInt()).isEqualTo(4);
    }

    @Test
    void aFileOutsideTheBaseIsAnAbsoluteFileUri() throws Exception {
        Path file = Files.writeString(dir.resolve("deploy.json"), POLICY);

        JsonNode at = location(dir.resolve("elsewhere"), file);

        assertThat(at.at("/artifactLocation/uri").asText()).isEqualTo(file.toUri().toASCIIString()).startsWith("file:///");
    }
}
