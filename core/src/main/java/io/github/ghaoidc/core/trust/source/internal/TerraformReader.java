package io.github.ghaoidc.core.trust.source.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.trust.source.PolicyFormat;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import io.github.ghaoidc.core.trust.source.SourceLocation;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds the {@code assume_role_policy} of an {@code aws_iam_role} in {@code terraform show -json}
 * output: {@code planned_values} of a plan, or {@code values} of a state, root module and every
 * child module. The attribute is a JSON string and is returned as written.
 */
public final class TerraformReader {

    private static final String ROLE = "aws_iam_role";
    private static final int MAX_MODULE_DEPTH = 64;

    private final String selector;

    public TerraformReader(String selector) {
        this.selector = selector;
    }

    public SourcedPolicy read(String text, String sourceName) {
        JsonNode root = Json.parse(text, sourceName);
        JsonNode values = root.has("planned_values") ? root.get("planned_values") : root.get("values");
        if (values == null || !values.path("root_module").isObject()) {
            throw new PolicySourceException(sourceName + ": not terraform show -json output: "
                    + "no planned_values.root_module or values.root_module");
        }
        List<JsonNode> roles = new ArrayList<>();
        collect(values.get("root_module"), roles, 0);
        JsonNode role = select(roles, sourceName);
        String address = role.path("address").asText();
        JsonNode policy = role.path("values").get("assume_role_policy");
        if (policy == null || policy.isNull() || policy.asText().isEmpty()) {
            if (isUnknown(root, address)) {
                throw new PolicySourceException(sourceName + ": " + address + ".assume_role_policy is "
                        + "unknown until apply (it depends on values computed during apply, such as the ARN of "
                        + "an OIDC provider created in the same plan); read a plan or state where it is known");
            }
            throw new PolicySourceException(sourceName + ": " + address + " has no assume_role_policy");
        }
        String json = policy.isTextual() ? policy.asText() : Json.write(policy);
        return SourcedPolicy.builder()
                .document(json)
                .format(PolicyFormat.TERRAFORM)
                .origin(sourceName + ": " + address)
                .locations(Map.of("$", location(text, sourceName, address)))
                .build();
    }

    /** The line of the role's assume_role_policy in the plan (a JSON string: its elements have no lines of their own). */
    private static SourceLocation location(String text, String sourceName, String address) {
        Map<String, SourceLocation> all = JsonLocations.json(text, sourceName);
        String resource = null;
        for (Map.Entry<String, SourceLocation> e : all.entrySet()) {
            if (e.getKey().endsWith(".address") && address.equals(addressOf(text, e.getValue()))) {
                resource = e.getKey().substring(0, e.getKey().length() - ".address".length());
            } else if (resource != null && e.getKey().equals(resource + ".values.assume_role_policy")) {
                return e.getValue();
            }
        }
        return new SourceLocation(sourceName, 1, 0);
    }

    private static String addressOf(String text, SourceLocation at) {
        if (at == null) {
            return null;
        }
        String line = text.lines().skip(at.line() - 1L).findFirst().orElse("");
        int start = at.column() - 1;
        int end = line.indexOf('"', Math.max(start + 1, 0));
        return start >= 0 && end > start ? line.substring(start + 1, end) : null;
    }

    /** The addresses of every {@code aws_iam_role} of a parsed plan or state ({@code terraform show -json}). */
    public static List<String> roleAddresses(JsonNode root) {
        JsonNode values = root.has("planned_values") ? root.get("planned_values") : root.get("values");
        if (values == null || !values.path("root_module").isObject()) {
            return List.of();
        }
        List<JsonNode> roles = new ArrayList<>();
        collect(values.get("root_module"), roles, 0);
        return roles.stream().map(r -> r.path("address").asText()).toList();
    }

    private static void collect(JsonNode module, List<JsonNode> roles, int depth) {
        if (depth > MAX_MODULE_DEPTH) {
            throw new PolicySourceException("modules nested deeper than " + MAX_MODULE_DEPTH + " levels");
        }
        for (JsonNode resource : module.path("resources")) {
            if (ROLE.equals(resource.path("type").asText()) && !"data".equals(resource.path("mode").asText())) {
                roles.add(resource);
            }
        }
        for (JsonNode child : module.path("child_modules")) {
            collect(child, roles, depth + 1);
        }
    }

    private JsonNode select(List<JsonNode> roles, String sourceName) {
        if (roles.isEmpty()) {
            throw new PolicySourceException(sourceName + ": no " + ROLE + " resource in the plan or state");
        }
        if (selector == null) {
            if (roles.size() > 1) {
                throw new PolicySourceException(sourceName + ": " + roles.size() + " " + ROLE + " resources ("
                        + addresses(roles) + "); choose one by address or name");
            }
            return roles.get(0);
        }
        for (JsonNode role : roles) {
            if (selector.equals(role.path("address").asText()) || selector.equals(role.path("values").path("name").asText(null))) {
                return role;
            }
        }
        throw new PolicySourceException(sourceName + ": no " + ROLE + " with address or name '" + selector
                + "'; roles: " + addresses(roles));
    }

    private static boolean isUnknown(JsonNode root, String address) {
        for (JsonNode change : root.path("resource_changes")) {
            if (address.equals(change.path("address").asText())) {
                return change.path("change").path("after_unknown").path("assume_role_policy").asBoolean(false);
            }
        }
        return false;
    }

    private static String addresses(List<JsonNode> roles) {
        return roles.stream().map(r -> r.path("address").asText()).collect(Collectors.joining(", "));
    }
}
