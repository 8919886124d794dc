package io.github.ghaoidc.core.trust.source.internal.hcl;

import io.github.ghaoidc.core.trust.internal.JsonPaths;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@code data "aws_iam_policy_document"} block to the JSON the AWS provider produces (a single value as a
 * string, several as a list; {@code Effect} defaults to {@code Allow}, {@code Version} to {@code 2012-10-17}), and
 * records for each JSON path the HCL position it came from: a statement's block, an {@code actions} attribute, a
 * principals block, a condition's {@code values} line. {@code source_policy_documents} come first and
 * {@code override_policy_documents} last, a statement replacing one with the same {@code Sid}, as the provider does.
 */
final class PolicyDocumentRenderer {

    private PolicyDocumentRenderer() {
    }

    static TerraformHclContext.Rendered render(HclEvaluator eval, Hcl.Block block) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<Map<String, Object>> statements = new ArrayList<>();
        List<Map<String, Hcl.Position>> positions = new ArrayList<>();
        Hcl.Body body = block.body();
        Hcl.Attribute sources = body.attributes().get("source_policy_documents");
        if (sources != null) {
            merge(eval, sources, statements, positions);
        }
        for (Hcl.Block statement : body.blocks("statement")) {
            Map<String, Hcl.Position> at = new LinkedHashMap<>();
            Map<String, Object> rendered = statement(eval, statement, at);
            replaceOrAdd(statements, positions, rendered, at);
        }
        Hcl.Attribute overrides = body.attributes().get("override_policy_documents");
        if (overrides != null) {
            merge(eval, overrides, statements, positions);
        }
        Hcl.Attribute version = body.attributes().get("version");
        attributes.put("Version", version == null ? "2012-10-17" : HclEvaluator.text(eval.evaluate(version.value()),
                version.value()));
        Hcl.Attribute id = body.attributes().get("policy_id");
        if (id != null) {
            attributes.put("Id", HclEvaluator.text(eval.evaluate(id.value()), id.value()));
        }
        attributes.put("Statement", statements);
        Map<String, Hcl.Position> byPath = new LinkedHashMap<>();
        byPath.put("$", block.position());
        for (int i = 0; i < positions.size(); i++) {
            String prefix = "$.Statement[" + i + "]";
            for (Map.Entry<String, Hcl.Position> e : positions.get(i).entrySet()) {
                byPath.put(prefix + e.getKey(), e.getValue());
            }
        }
        String json = HclEvaluator.writeJson(attributes, new Hcl.Literal(null, block.position()));
        eval.charge(json.length(), block.position());
        return new TerraformHclContext.Rendered(json, byPath);
    }

    private static Map<String, Object> statement(HclEvaluator eval, Hcl.Block block, Map<String, Hcl.Position> at) {
        Map<String, Object> out = new LinkedHashMap<>();
        at.put("", block.position());
        Hcl.Body body = block.body();
        optional(eval, body, "sid").ifPresent(v -> out.put("Sid", v));
        out.put("Effect", optional(eval, body, "effect").orElse("Allow"));
        list(eval, body, "actions", "Action", out, at);
        list(eval, body, "not_actions", "NotAction", out, at);
        list(eval, body, "resources", "Resource", out, at);
        list(eval, body, "not_resources", "NotResource", out, at);
        principals(eval, body, "principals", "Principal", out, at);
        principals(eval, body, "not_principals", "NotPrincipal", out, at);
        Map<String, Map<String, Object>> conditions = new LinkedHashMap<>();
        for (Hcl.Block condition : body.blocks("condition")) {
            String test = required(eval, condition, "test");
            String variable = required(eval, condition, "variable");
            Hcl.Attribute values = condition.body().attributes().get("values");
            if (values == null) {
                throw new PolicySourceException(condition.position() + ": a condition needs values");
            }
            List<Object> items = strings(eval, values);
            Map<String, Object> keys = conditions.computeIfAbsent(test, k -> new LinkedHashMap<>());
            if (keys.containsKey(variable)) {
                throw new PolicySourceException(condition.position() + ": a second " + test + " condition on " + variable
                        + " in one statement; give all its values in one condition");
            }
            keys.put(variable, items.size() == 1 ? items.get(0) : items);
            String path = ".Condition" + member(test) + member(variable);
            at.put(".Condition" + member(test), condition.position());
            at.put(path, values.position());
        }
        if (!conditions.isEmpty()) {
            out.put("Condition", conditions);
        }
        return out;
    }

    private static void principals(HclEvaluator eval, Hcl.Body body, String blockType, String field,
            Map<String, Object> out, Map<String, Hcl.Position> at) {
        List<Hcl.Block> blocks = body.blocks(blockType);
        if (blocks.isEmpty()) {
            return;
        }
        Map<String, Object> principal = new LinkedHashMap<>();
        for (Hcl.Block p : blocks) {
            String type = required(eval, p, "type");
            Hcl.Attribute identifiers = p.body().attributes().get("identifiers");
            if (identifiers == null) {
                throw new PolicySourceException(p.position() + ": " + blockType + " needs identifiers");
            }
            List<Object> ids = strings(eval, identifiers);
            if (type.equals("*") && ids.equals(List.of("*"))) {
                out.put(field, "*");
                at.put("." + field, p.position());
                return;
            }
            principal.put(type, ids.size() == 1 ? ids.get(0) : ids);
            at.put("." + field + member(type), identifiers.position());
        }
        out.put(field, principal);
        at.put("." + field, blocks.get(0).position());
    }

    private static void list(HclEvaluator eval, Hcl.Body body, String attribute, String field, Map<String, Object> out,
            Map<String, Hcl.Position> at) {
        Hcl.Attribute a = body.attributes().get(attribute);
        if (a != null) {
            List<Object> values = strings(eval, a);
            out.put(field, values.size() == 1 ? values.get(0) : values);
            at.put("." + field, a.position());
        }
    }

    private static List<Object> strings(HclEvaluator eval, Hcl.Attribute a) {
        Object value = eval.evaluate(a.value());
        List<Object> out = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            throw new PolicySourceException(a.position() + ": " + a.name() + " must be a list of strings");
        }
        for (Object item : list) {
            out.add(HclEvaluator.text(item, a.value()));
        }
        return out;
    }

    private static java.util.Optional<String> optional(HclEvaluator eval, Hcl.Body body, String name) {
        Hcl.Attribute a = body.attributes().get(name);
        return a == null ? java.util.Optional.empty()
                : java.util.Optional.of(HclEvaluator.text(eval.evaluate(a.value()), a.value()));
    }

    private static String required(HclEvaluator eval, Hcl.Block block, String name) {
        return optional(eval, block.body(), name).orElseThrow(() ->
                new PolicySourceException(block.position() + ": " + block.type() + " needs " + name));
    }

    @SuppressWarnings("unchecked")
    private static void merge(HclEvaluator eval, Hcl.Attribute documents, List<Map<String, Object>> statements,
            List<Map<String, Hcl.Position>> positions) {
        Object value = eval.evaluate(documents.value());
        if (!(value instanceof List<?> list)) {
            throw new PolicySourceException(documents.position() + ": " + documents.name() + " must be a list of JSON "
                    + "policy documents");
        }
        for (Object document : list) {
            Object parsed = HclEvaluator.parseJson(HclEvaluator.text(document, documents.value()), documents.value());
            Object inner = parsed instanceof Map<?, ?> m ? m.get("Statement") : null;
            List<Object> items = inner instanceof List<?> l ? (List<Object>) l : inner == null ? List.of() : List.of(inner);
            for (Object statement : items) {
                if (statement instanceof Map<?, ?> s) {
                    replaceOrAdd(statements, positions, (Map<String, Object>) s, Map.of("", documents.position()));
                }
            }
        }
    }

    private static void replaceOrAdd(List<Map<String, Object>> statements, List<Map<String, Hcl.Position>> positions,
            Map<String, Object> statement, Map<String, Hcl.Position> at) {
        Object sid = statement.get("Sid");
        if (sid != null && !String.valueOf(sid).isEmpty()) {
            for (int i = 0; i < statements.size(); i++) {
                if (sid.equals(statements.get(i).get("Sid"))) {
                    statements.set(i, statement);
                    positions.set(i, at);
                    return;
                }
            }
        }
        statements.add(statement);
        positions.add(at);
    }

    /** A member step of a JSON path as the trust engine writes it: {@code .Name} or {@code ["a:b"]}. */
    static String member(String name) {
        return JsonPaths.member("", name);
    }
}
