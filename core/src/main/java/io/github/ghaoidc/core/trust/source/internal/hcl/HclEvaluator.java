package io.github.ghaoidc.core.trust.source.internal.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the few expressions a trust policy written in Terraform needs, within one module instance: literals,
 * string templates, lists and objects; {@code var.X} (given values, else the default), {@code local.X} (cycles are
 * refused), {@code data.aws_iam_policy_document.X.json}, {@code data.aws_caller_identity.current.account_id},
 * {@code data.aws_partition.current.partition}, {@code aws_iam_openid_connect_provider.X.arn}, outputs of local
 * modules; and the functions {@code jsonencode}, {@code format}, {@code join}, {@code concat}, {@code tolist},
 * {@code toset}. Everything else needs a plan and is refused by name, with its file and line: nothing is guessed.
 * Bounded: {@value #MAX_DEPTH} nested evaluations, {@value #MAX_CHARS} characters of text produced.
 */
final class HclEvaluator {

    static final int MAX_DEPTH = 64;
    static final int MAX_CHARS = 262_144 * 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAN = "; use terraform show -json output of a plan instead";

    private final TerraformModule module;
    private final Map<String, Object> variables;
    private final TerraformHclContext context;
    private final String address;
    private final Set<String> evaluating = new LinkedHashSet<>();
    private final Map<String, Object> localValues = new LinkedHashMap<>();
    private int depth;
    private long produced;

    /**
     * @param address the module's address prefix, {@code ""} for the root or {@code module.ci.} for a child
     */
    HclEvaluator(TerraformModule module, Map<String, Object> variables, TerraformHclContext context, String address) {
        this.module = module;
        this.variables = variables;
        this.context = context;
        this.address = address;
    }

    TerraformModule module() {
        return module;
    }

    String address() {
        return address;
    }

    TerraformHclContext context() {
        return context;
    }

    Object evaluate(Hcl.Expr expr) {
        if (++depth > MAX_DEPTH) {
            throw new PolicySourceException(expr.position() + ": expressions nest deeper than " + MAX_DEPTH + " levels");
        }
        try {
            if (expr instanceof Hcl.Literal l) {
                return l.value();
            }
            if (expr instanceof Hcl.Template t) {
                return template(t);
            }
            if (expr instanceof Hcl.Tuple t) {
                List<Object> items = new ArrayList<>();
                t.items().forEach(i -> items.add(evaluate(i)));
                return items;
            }
            if (expr instanceof Hcl.ObjectCons o) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<Hcl.Expr, Hcl.Expr> e : o.entries()) {
                    map.put(text(evaluate(e.getKey()), e.getKey()), evaluate(e.getValue()));
                }
                return map;
            }
            if (expr instanceof Hcl.Traversal t) {
                return traversal(t);
            }
            if (expr instanceof Hcl.Call c) {
                return HclFunctions.call(c, this);
            }
            Hcl.Unsupported u = (Hcl.Unsupported) expr;
            throw new PolicySourceException(u.position() + ": " + u.what() + " cannot be evaluated before plan" + PLAN);
        } finally {
            depth--;
        }
    }

    String template(Hcl.Template t) {
        StringBuilder out = new StringBuilder();
        for (Object part : t.parts()) {
            String s = part instanceof String literal ? literal : text(evaluate((Hcl.Expr) part), (Hcl.Expr) part);
            charge(s.length(), t.position());
            out.append(s);
        }
        return out.toString();
    }

    void charge(long characters, Hcl.Position at) {
        produced += characters;
        if (produced > MAX_CHARS) {
            throw new PolicySourceException(at + ": expressions produce more than " + MAX_CHARS + " characters; a trust "
                    + "policy is at most 262,144");
        }
    }

    /** A value as text in a template: strings, numbers and bools; anything else is refused. */
    static String text(Object value, Hcl.Expr at) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new PolicySourceException(at.position() + ": expected a string, got "
                + (value == null ? "null" : value instanceof List ? "a list" : "an object"));
    }

    private Object traversal(Hcl.Traversal t) {
        List<Object> steps = t.steps();
        switch (t.root()) {
            case "var":
                return index(variable(name(t, 0), t), t, 1);
            case "local":
                return index(local(name(t, 0), t), t, 1);
            case "data":
                return index(context.dataValue(this, t), t, 3);
            case "module":
                return index(context.moduleOutput(this, name(t, 0), name(t, 1), t), t, 2);
            case "path":
                throw refuse(t, "path." + name(t, 0) + " depends on where Terraform runs");
            case "each":
            case "count":
                throw refuse(t, t.root() + "." + (steps.isEmpty() ? "" : steps.get(0)) + " exists only in a resource "
                        + "with " + (t.root().equals("each") ? "for_each" : "count") + ", which needs terraform plan");
            default:
                if (steps.size() >= 2 && steps.get(0) instanceof String) {
                    return index(context.resourceValue(this, t.root(), name(t, 0), name(t, 1), t), t, 2);
                }
                throw refuse(t, t.text() + " is not a value Terraform knows before plan");
        }
    }

    private Object variable(String name, Hcl.Traversal at) {
        if (variables.containsKey(name)) {
            return variables.get(name);
        }
        Hcl.Block declared = module.variables.get(name);
        if (declared == null) {
            throw new PolicySourceException(at.position() + ": var." + name + " is not declared in "
                    + (module.displayDir.isEmpty() ? "this module" : module.displayDir));
        }
        Hcl.Attribute fallback = declared.body().attributes().get("default");
        if (fallback == null) {
            throw new PolicySourceException(at.position() + ": var." + name + " has no value: give --var " + name
                    + "=VALUE or --var-file FILE.tfvars, or a default in " + declared.position());
        }
        String key = "var." + name;
        if (!evaluating.add(key)) {
            throw new PolicySourceException(at.position() + ": " + key + " refers to itself");
        }
        try {
            return evaluate(fallback.value());
        } finally {
            evaluating.remove(key);
        }
    }

    private Object local(String name, Hcl.Traversal at) {
        if (localValues.containsKey(name)) {
            return localValues.get(name);
        }
        Hcl.Attribute definition = module.locals.get(name);
        if (definition == null) {
            throw new PolicySourceException(at.position() + ": local." + name + " is not defined");
        }
        String key = "local." + name;
        if (!evaluating.add(key)) {
            List<String> cycle = new ArrayList<>(evaluating);
            cycle.add(key);
            throw new PolicySourceException(at.position() + ": cyclic locals: " + String.join(" -> ",
                    cycle.subList(cycle.indexOf(key), cycle.size())));
        }
        try {
            Object value = evaluate(definition.value());
            localValues.put(name, value);
            return value;
        } finally {
            evaluating.remove(key);
        }
    }

    private Object index(Object value, Hcl.Traversal t, int from) {
        Object current = value;
        for (int i = from; i < t.steps().size(); i++) {
            Object step = t.steps().get(i);
            Object key = step instanceof Hcl.Expr e ? evaluate(e) : step;
            if (current instanceof Map<?, ?> map && key != null && map.containsKey(String.valueOf(key))) {
                current = map.get(String.valueOf(key));
            } else if (current instanceof List<?> list && key instanceof Number n && n.intValue() >= 0
                    && n.intValue() < list.size()) {
                current = list.get(n.intValue());
            } else if (current instanceof List<?> list && key instanceof String s && s.matches("\\d+")
                    && Integer.parseInt(s) < list.size()) {
                current = list.get(Integer.parseInt(s));
            } else {
                throw new PolicySourceException(t.position() + ": " + t.text() + " has no element " + key);
            }
        }
        return current;
    }

    static String name(Hcl.Traversal t, int i) {
        if (t.steps().size() <= i || !(t.steps().get(i) instanceof String s)) {
            throw new PolicySourceException(t.position() + ": " + t.text() + " is incomplete");
        }
        return s;
    }

    static PolicySourceException refuse(Hcl.Expr at, String why) {
        return new PolicySourceException(at.position() + ": " + why + PLAN);
    }

    /** A JSON string evaluated to Java values (for source_policy_documents and the like). */
    static Object parseJson(String json, Hcl.Expr at) {
        try {
            JsonNode node = JSON.readTree(json);
            return JSON.convertValue(node, Object.class);
        } catch (Exception e) {
            throw new PolicySourceException(at.position() + ": not a JSON document");
        }
    }

    static String writeJson(Object value, Hcl.Expr at) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new PolicySourceException(at.position() + ": cannot encode the value as JSON");
        }
    }
}
