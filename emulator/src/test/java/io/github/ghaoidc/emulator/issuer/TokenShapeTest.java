package io.github.ghaoidc.emulator.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.core.claims.SubjectCustomization;
import io.github.ghaoidc.core.claims.WorkflowContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden shapes: the token's header and payload match GitHub's (facts sheet "The JWT"). */
class TokenShapeTest {

    /** The claims of a 2026 github.com token outside environments and enterprises, alphabetically. */
    private static final List<String> BASE = List.of("actor", "actor_id", "aud", "base_ref", "check_run_id",
            "event_name", "exp", "head_ref", "iat", "iss", "job_workflow_ref", "job_workflow_sha", "jti", "nbf", "ref",
            "ref_protected", "ref_type", "repository", "repository_id", "repository_owner", "repository_owner_id",
            "repository_visibility", "run_attempt", "run_id", "run_number", "runner_environment", "sha", "sub",
            "workflow", "workflow_ref", "workflow_sha");
    private static final List<String> WITH_ENVIRONMENT = List.of("actor", "actor_id", "aud", "base_ref",
            "check_run_id", "environment", "environment_node_id", "event_name", "exp", "head_ref", "iat", "iss",
            "job_workflow_ref", "job_workflow_sha", "jti", "nbf", "ref", "ref_protected", "ref_type", "repository",
            "repository_id", "repository_owner", "repository_owner_id", "repository_visibility", "run_attempt",
            "run_id", "run_number", "runner_environment", "sha", "sub", "workflow", "workflow_ref", "workflow_sha");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static TokenIssuer issuer;

    @BeforeAll
    static void keys() {
        issuer = TokenIssuer.builder().keys(SigningKeys.generate(1)).build();
    }

    static Stream<Arguments> contexts() {
        String callee = "octo-org/octo-automation/.github/workflows/oidc.yml@refs/heads/main";
        return Stream.of(
                Arguments.of("push", WorkflowContext.push("octo-org/octo-repo", "main"), BASE,
                        "repo:octo-org/octo-repo:ref:refs/heads/main"),
                Arguments.of("tag", WorkflowContext.tag("octo-org/octo-repo", "v1.0.0"), BASE,
                        "repo:octo-org/octo-repo:ref:refs/tags/v1.0.0"),
                Arguments.of("pull_request", WorkflowContext.pullRequest("octo-org/octo-repo", 42), BASE,
                        "repo:octo-org/octo-repo:pull_request"),
                Arguments.of("environment", WorkflowContext.inEnvironment("octo-org/octo-repo", "main", "prod"),
                        WITH_ENVIRONMENT, "repo:octo-org/octo-repo:environment:prod"),
                Arguments.of("workflow_dispatch", WorkflowContext.workflowDispatch("octo-org/octo-repo", "main"), BASE,
                        "repo:octo-org/octo-repo:ref:refs/heads/main"),
                Arguments.of("reusable workflow", WorkflowContext.reusableWorkflow("octo-org/octo-repo", "main", callee),
                        BASE, "repo:octo-org/octo-repo:ref:refs/heads/main"),
                Arguments.of("custom sub", WorkflowContext.reusableWorkflow("octo-org/octo-repo", "main", callee)
                        .toBuilder().environment("prod").subjectCustomization(
                                SubjectCustomization.includeClaimKeys("repo", "context", "job_workflow_ref")).build(),
                        WITH_ENVIRONMENT, "repo:octo-org/octo-repo:environment:prod:job_workflow_ref:" + callee));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contexts")
    void payloadHasGitHubsKeysInOrderWithGitHubsTypes(String name, WorkflowContext ctx, List<String> keys, String sub)
            throws Exception {
        String[] parts = issuer.mint(ctx, "sts.amazonaws.com").split("\\.");
        String payloadJson = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        JsonNode payload = MAPPER.readTree(payloadJson);
        List<String> order = new ArrayList<>();
        payload.fieldNames().forEachRemaining(order::add);
        assertThat(order).containsExactlyElementsOf(keys);
        payload.fields().forEachRemaining(e -> {
            if (List.of("exp", "iat", "nbf").contains(e.getKey())) {
                assertThat(e.getValue().isIntegralNumber()).as(e.getKey()).isTrue();
            } else {
                assertThat(e.getValue().isTextual()).as(e.getKey()).isTrue();
            }
        });
        assertThat(payload.get("sub").asText()).isEqualTo(sub);
        assertThat(payload.get("exp").asLong() - payload.get("iat").asLong()).isEqualTo(300);
        assertThat(payload.get("iat").asLong() - payload.get("nbf").asLong()).isEqualTo(300);
        assertThat(payloadJson).doesNotContain(" ", "\n");
    }

    @Test
    void headerIsExactlyAlgKidTypX5tInThatOrder() throws Exception {
        String header = new String(Base64.getUrlDecoder().decode(issuer.mint(WorkflowContext.defaults(), null).split("\\.")[0]),
                StandardCharsets.UTF_8);
        String kid = issuer.keys().activeKid();
        assertThat(header).matches("\\{\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\",\"x5t\":\"[A-Za-z0-9_-]{27}\"}");
        assertThat(kid).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void signatureIs256BytesForRsa2048() {
        String sig = issuer.mint(WorkflowContext.defaults(), null).split("\\.")[2];
        assertThat(Base64.getUrlDecoder().decode(sig)).hasSize(256);
    }

    @Test
    void x5tIsTheSha1OfTheSelfSignedCertificateInX5c() throws Exception {
        JsonNode jwks = MAPPER.readTree(issuer.keys().jwksBytes());
        JsonNode key = jwks.get("keys").get(0);
        byte[] der = Base64.getDecoder().decode(key.get("x5c").get(0).asText());
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        cert.verify(cert.getPublicKey());
        cert.checkValidity();
        assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-1").digest(der)))
                .isEqualTo(key.get("x5t").asText());
        String header = new String(Base64.getUrlDecoder().decode(issuer.mint(WorkflowContext.defaults(), null).split("\\.")[0]),
                StandardCharsets.UTF_8);
        assertThat(MAPPER.readTree(header).get("x5t").asText()).isEqualTo(key.get("x5t").asText());
    }

    @Test
    void jwksKeysHaveGitHubsMembersInOrder() throws Exception {
        JsonNode key = MAPPER.readTree(issuer.keys().jwksBytes()).get("keys").get(0);
        List<String> members = new ArrayList<>();
        key.fieldNames().forEachRemaining(members::add);
        assertThat(members).containsExactly("kty", "alg", "use", "kid", "n", "e", "x5c", "x5t");
        assertThat(key.get("e").asText()).isEqualTo("AQAB");
    }

    @Test
    void jtiIsFreshOnEveryToken() throws Exception {
        String a = MAPPER.readTree(Base64.getUrlDecoder().decode(issuer.mint(WorkflowContext.defaults(), null).split("\\.")[1])).get("jti").asText();
        String b = MAPPER.readTree(Base64.getUrlDecoder().decode(issuer.mint(WorkflowContext.defaults(), null).split("\\.")[1])).get("jti").asText();
        assertThat(a).isNotEqualTo(b);
    }
}
