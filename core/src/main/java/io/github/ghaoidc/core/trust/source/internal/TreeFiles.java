package io.github.ghaoidc.core.trust.source.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.util.List;
import java.util.Locale;

/**
 * What a file found in a tree holds, judged from its parsed content: a role trust policy, a CloudFormation template
 * with roles (CDK output included), {@code terraform show -json} output with roles, or nothing of interest.
 */
public final class TreeFiles {

    /** What a file is, for a tree scan. */
    public enum Kind { TRUST_POLICY, TEMPLATE, PLAN, OTHER }

    /**
     * What a file holds: its kind, and the logical ids ({@link Kind#TEMPLATE}) or addresses ({@link Kind#PLAN}) of
     * its roles, from the one parse that classified it.
     */
    public record Contents(Kind kind, List<String> roles) {
        static final Contents OTHER = new Contents(Kind.OTHER, List.of());
    }

    private TreeFiles() {
    }

    /** Whether a file's name makes it a candidate: a JSON, YAML or {@code .template} file. */
    public static boolean candidate(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".template");
    }

    /**
     * Classifies {@code text}. A file that does not parse is {@link Kind#OTHER} unless it names
     * {@code AWS::IAM::Role} or {@code sts:Assume}, in which case the parse error is thrown: a broken template is
     * reported, not silently skipped.
     */
    public static Contents classify(String text, String sourceName) {
        JsonNode root;
        try {
            root = Json.looksLikeJsonObject(text) ? Json.parse(text, sourceName) : CloudFormationYaml.read(text, sourceName);
        } catch (PolicySourceException e) {
            if (text.contains("AWS::IAM::Role") || text.toLowerCase(Locale.ROOT).contains("sts:assume")) {
                throw e;
            }
            return Contents.OTHER;
        }
        if (!root.isObject()) {
            return Contents.OTHER;
        }
        if (root.path("Resources").isObject()) {
            return withRoles(Kind.TEMPLATE, CloudFormationReader.roleIds(root));
        }
        if (root.has("format_version") && (root.has("planned_values") || root.has("values"))) {
            return withRoles(Kind.PLAN, TerraformReader.roleAddresses(root));
        }
        return isTrustPolicy(root) ? new Contents(Kind.TRUST_POLICY, List.of()) : Contents.OTHER;
    }

    private static Contents withRoles(Kind kind, List<String> roles) {
        return roles.isEmpty() ? Contents.OTHER : new Contents(kind, roles);
    }

    /**
     * A trust policy has a statement with a {@code Principal} naming {@code Federated}, {@code AWS} or
     * {@code Service}, an {@code sts:Assume…} action, and no {@code Resource}: permissions policies have no principal,
     * and resource policies (a bucket policy) name a resource.
     */
    static boolean isTrustPolicy(JsonNode policy) {
        JsonNode statements = policy.get("Statement");
        if (statements == null) {
            return false;
        }
        for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
            JsonNode principal = statement.path("Principal");
            boolean principalKind = principal.has("Federated") || principal.has("AWS") || principal.has("Service");
            if (principalKind && assumeAction(statement.path("Action")) && !statement.has("Resource")
                    && !statement.has("NotResource")) {
                return true;
            }
        }
        return false;
    }

    private static boolean assumeAction(JsonNode action) {
        for (JsonNode a : action.isArray() ? action : List.of(action)) {
            if (a.isTextual() && a.asText().toLowerCase(Locale.ROOT).startsWith("sts:assume")) {
                return true;
            }
        }
        return false;
    }
}
