package io.github.ghaoidc.core.trust.source.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.trust.internal.JsonPaths;
import io.github.ghaoidc.core.trust.source.PolicyFormat;
import io.github.ghaoidc.core.trust.source.SourceLocation;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@code AssumeRolePolicyDocument} of an {@code AWS::IAM::Role} in a CloudFormation
 * template (YAML or JSON) and resolves its intrinsic functions with the given parameter values.
 */
public final class CloudFormationReader {

    private static final String ROLE = "AWS::IAM::Role";

    private final Map<String, String> parameters;
    private final String selector;

    public CloudFormationReader(Map<String, String> parameters, String selector) {
        this.parameters = parameters;
        this.selector = selector;
    }

    public SourcedPolicy read(String text, String sourceName) {
        JsonNode template = Json.looksLikeJsonObject(text)
                ? Json.parse(text, sourceName)
                : CloudFormationYaml.read(text, sourceName);
        if (!template.path("Resources").isObject()) {
            throw new PolicySourceException(sourceName + ": not a CloudFormation template: no Resources section");
        }
        String logicalId = selectRole(template, sourceName);
        JsonNode properties = template.get("Resources").get(logicalId).path("Properties");
        String path = "Resources." + logicalId + ".Properties.AssumeRolePolicyDocument";
        JsonNode document = properties.get("AssumeRolePolicyDocument");
        if (document == null || document.isNull()) {
            throw new PolicySourceException(sourceName + ": " + path + " is missing");
        }
        Map<String, SourceLocation> all = Json.looksLikeJsonObject(text) ? JsonLocations.json(text, sourceName)
                : JsonLocations.yaml(text, sourceName);
        Map<String, SourceLocation> locations = JsonLocations.under(all, JsonPaths.member(JsonPaths.member(
                JsonPaths.member(JsonPaths.member("$", "Resources"), logicalId), "Properties"), "AssumeRolePolicyDocument"));
        SourceLocation at = locations.getOrDefault("$", new SourceLocation(sourceName, 1, 0));
        IntrinsicResolver resolver = new IntrinsicResolver(parameters, template);
        JsonNode resolved;
        try {
            resolved = resolver.resolve(document, path);
        } catch (PolicySourceException e) {
            throw new PolicySourceException(new SourceLocation(at.file(), at.line(), 0) + ": " + e.getMessage(), e);
        }
        if (!resolver.unresolved().isEmpty()) {
            throw new PolicySourceException(new SourceLocation(at.file(), at.line(), 0) + ": " + path
                    + " uses names with no value: " + String.join(", ", resolver.unresolved())
                    + "; give each a value as a parameter (NAME=VALUE) or a Default in the template");
        }
        String json = resolved.isTextual() ? resolved.asText() : Json.write(resolved);
        return SourcedPolicy.builder()
                .document(json)
                .format(PolicyFormat.CLOUDFORMATION)
                .origin(sourceName + ": Resources." + logicalId)
                .locations(resolved.isTextual() ? Map.of("$", locations.getOrDefault("$",
                        new SourceLocation(sourceName, 1, 0))) : locations)
                .build();
    }

    /** The logical ids of every {@code AWS::IAM::Role} of a parsed template, in template order. */
    public static List<String> roleIds(JsonNode template) {
        List<String> roles = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (ROLE.equals(resource.getValue().path("Type").asText())) {
                roles.add(resource.getKey());
            }
        }
        return roles;
    }

    private String selectRole(JsonNode template, String sourceName) {
        List<String> roles = roleIds(template);
        if (roles.isEmpty()) {
            throw new PolicySourceException(sourceName + ": the template declares no " + ROLE);
        }
        if (selector == null) {
            if (roles.size() > 1) {
                throw new PolicySourceException(sourceName + ": the template declares " + roles.size()
                        + " roles (" + String.join(", ", roles) + "); choose one by logical id or RoleName");
            }
            return roles.get(0);
        }
        for (String logicalId : roles) {
            if (logicalId.equals(selector) || selector.equals(roleName(template, logicalId))) {
                return logicalId;
            }
        }
        throw new PolicySourceException(sourceName + ": no " + ROLE + " with logical id or RoleName '"
                + selector + "'; roles: " + String.join(", ", roles));
    }

    private String roleName(JsonNode template, String logicalId) {
        JsonNode name = template.get("Resources").get(logicalId).path("Properties").path("RoleName");
        if (name.isMissingNode()) {
            return null;
        }
        try {
            IntrinsicResolver resolver = new IntrinsicResolver(parameters, template);
            JsonNode resolved = resolver.resolve(name, "RoleName");
            return resolver.unresolved().isEmpty() && resolved.isTextual() ? resolved.asText() : null;
        } catch (PolicySourceException e) {
            return null;
        }
    }
}
