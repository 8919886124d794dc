package io.github.ghaoidc.core.trust.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.trust.DuplicateKey;
import io.github.ghaoidc.core.trust.Effect;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyParseException;
import io.github.ghaoidc.core.trust.PolicyPrincipal;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.TrustPolicy;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns the JSON tree of a trust policy into the model, refusing wrong element types with their path. */
public final class PolicyReader {
    private static final Set<String> STATEMENT_FIELDS = Set.of("Sid", "Effect", "Principal", "NotPrincipal",
            "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> DOCUMENT_FIELDS = Set.of("Version", "Id", "Statement");

    private PolicyReader() {
    }

    /** What the reader found; the tree is handed over (not shared with anyone else). */
    public record Parsed(String version, List<PolicyStatement> statements, List<DuplicateKey> duplicateKeys,
            JsonNode tree) {
    }

    public static Parsed read(String text) {
        JsonDocumentReader.Result doc = JsonDocumentReader.read(text);
        JsonNode root = doc.tree();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!DOCUMENT_FIELDS.contains(name)) {
                throw new PolicyParseException(JsonPaths.member(JsonPaths.ROOT, name),
                        "unknown element; a policy document has only Version, Id and Statement");
            }
        }
        String version = null;
        JsonNode v = root.get("Version");
        if (v != null) {
            version = requireText(v, "$.Version");
        }
        JsonNode id = root.get("Id");
        if (id != null) {
            requireText(id, "$.Id");
        }
        boolean variables = TrustPolicy.VERSION_2012_10_17.equals(version);
        JsonNode st = root.get("Statement");
        if (st == null) {
            throw new PolicyParseException(JsonPaths.ROOT, "missing Statement; a policy needs at least one statement");
        }
        List<PolicyStatement> statements = new ArrayList<>();
        if (st.isObject()) {
            statements.add(readStatement(st, 0, "$.Statement", variables));
        } else if (st.isArray()) {
            if (st.isEmpty()) {
                throw new PolicyParseException("$.Statement", "empty array; a policy needs at least one statement");
            }
            for (int i = 0; i < st.size(); i++) {
                JsonNode s = st.get(i);
                String path = JsonPaths.index("$.Statement", i);
                if (!s.isObject()) {
                    throw new PolicyParseException(path, "a statement must be a JSON object, got " + kind(s));
                }
                statements.add(readStatement(s, i, path, variables));
            }
        } else {
            throw new PolicyParseException("$.Statement", "must be an object or an array of objects, got " + kind(st));
        }
        return new Parsed(version, statements, doc.duplicates(), root);
    }

    private static PolicyStatement readStatement(JsonNode s, int index, String path, boolean variables) {
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!STATEMENT_FIELDS.contains(name)) {
                throw new PolicyParseException(JsonPaths.member(path, name), "unknown element; a statement has only "
                        + "Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition");
            }
        }
        PolicyStatement.Builder b = PolicyStatement.builder().index(index).path(path);
        if (s.has("Sid")) {
            b.sid(requireText(s.get("Sid"), path + ".Sid"));
        }
        JsonNode effect = s.get("Effect");
        if (effect == null) {
            throw new PolicyParseException(path, "missing Effect; must be \"Allow\" or \"Deny\"");
        }
        String effectText = requireText(effect, path + ".Effect");
        Effect e = Effect.fromJson(effectText);
        if (e == null) {
            throw new PolicyParseException(path + ".Effect", "must be \"Allow\" or \"Deny\" (case-sensitive), got "
                    + JsonPaths.quote(effectText));
        }
        b.effect(e);
        if (s.has("Principal") && s.has("NotPrincipal")) {
            throw new PolicyParseException(path, "has both Principal and NotPrincipal; use one");
        }
        if (s.has("Action") && s.has("NotAction")) {
            throw new PolicyParseException(path, "has both Action and NotAction; use one");
        }
        if (s.has("Principal")) {
            b.principal(readPrincipal(s.get("Principal"), path + ".Principal"));
        }
        if (s.has("NotPrincipal")) {
            b.notPrincipal(readPrincipal(s.get("NotPrincipal"), path + ".NotPrincipal"));
        }
        if (s.has("Action")) {
            b.action(stringOrArray(s.get("Action"), path + ".Action"));
        }
        if (s.has("NotAction")) {
            b.notAction(stringOrArray(s.get("NotAction"), path + ".NotAction"));
        }
        if (s.has("Resource")) {
            stringOrArray(s.get("Resource"), path + ".Resource");
            b.hasResource(true);
        }
        if (s.has("NotResource")) {
            stringOrArray(s.get("NotResource"), path + ".NotResource");
            b.hasNotResource(true);
        }
        if (s.has("Condition")) {
            b.conditions(readConditions(s.get("Condition"), path + ".Condition", variables));
        }
        return b.build();
    }

    private static PolicyPrincipal readPrincipal(JsonNode p, String path) {
        if (p.isTextual()) {
            if (!p.asText().equals("*")) {
                throw new PolicyParseException(path, "a string principal must be \"*\"; otherwise use an object such as "
                        + "{\"Federated\": \"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com\"}");
            }
            return PolicyPrincipal.builder().wildcard(true).path(path).build();
        }
        if (!p.isObject()) {
            throw new PolicyParseException(path, "must be \"*\" or an object of principal type to value(s), got " + kind(p));
        }
        PolicyPrincipal.Builder b = PolicyPrincipal.builder().path(path);
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            b.put(entry.getKey(), stringOrArray(entry.getValue(), JsonPaths.member(path, entry.getKey())));
        }
        return b.build();
    }

    private static List<PolicyCondition> readConditions(JsonNode c, String path, boolean variables) {
        if (!c.isObject()) {
            throw new PolicyParseException(path, "must be an object of operator to {key: value(s)}, got " + kind(c));
        }
        List<PolicyCondition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> op = it.next();
            String opPath = JsonPaths.member(path, op.getKey());
            if (!op.getValue().isObject()) {
                throw new PolicyParseException(opPath, "must be an object of condition key to value(s), got "
                        + kind(op.getValue()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                String keyPath = JsonPaths.member(opPath, key.getKey());
                out.add(PolicyCondition.builder().operator(op.getKey()).key(key.getKey())
                        .values(conditionValues(key.getValue(), keyPath)).path(keyPath)
                        .policyVariables(variables).build());
            }
        }
        return out;
    }

    private static List<String> conditionValues(JsonNode v, String path) {
        if (v.isArray()) {
            List<String> out = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                out.add(scalar(v.get(i), JsonPaths.index(path, i)));
            }
            return out;
        }
        return List.of(scalar(v, path));
    }

    private static String scalar(JsonNode v, String path) {
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "true" : "false";
        }
        if (v.isBigDecimal()) {
            return v.decimalValue().toPlainString();
        }
        if (v.isNumber()) {
            return v.bigIntegerValue().toString();
        }
        throw new PolicyParseException(path, "a condition value must be a string, number or boolean, got " + kind(v));
    }

    private static List<String> stringOrArray(JsonNode v, String path) {
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw new PolicyParseException(path, "must be a string or an array of strings, got " + kind(v));
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw new PolicyParseException(JsonPaths.index(path, i), "must be a string, got " + kind(e));
            }
            out.add(e.asText());
        }
        return out;
    }

    private static String requireText(JsonNode v, String path) {
        if (!v.isTextual()) {
            throw new PolicyParseException(path, "must be a string, got " + kind(v));
        }
        return v.asText();
    }

    static String kind(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
