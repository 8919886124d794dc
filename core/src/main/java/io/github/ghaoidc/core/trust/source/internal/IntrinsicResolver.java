package io.github.ghaoidc.core.trust.source.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves the CloudFormation intrinsic functions a role trust policy uses before deploy:
 * {@code Ref}, {@code Fn::Sub} (string and list forms, {@code ${!Literal}}), {@code Fn::GetAtt}
 * and {@code Fn::Join}. Names it cannot resolve are collected, so one error can name them all.
 * Expansion is bounded while it happens: all the text it produces for one document (parameter values written in
 * and intermediate results included) may not exceed {@value #MAX_EXPANDED} characters (the largest trust policy IAM accepts), so
 * {@code !Sub "${A}${A}…"} over a large parameter fails at once instead of growing without bound.
 * Not thread-safe: one instance per document.
 */
final class IntrinsicResolver {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> UNSUPPORTED = Set.of("Fn::If", "Fn::Select", "Fn::Split",
            "Fn::ImportValue", "Fn::FindInMap", "Fn::Base64", "Fn::Cidr", "Fn::GetAZs", "Fn::Transform",
            "Fn::ToJsonString", "Fn::Length", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Condition");

    /** The most text one document's expansion may produce: IAM's limit for a trust policy, 262,144 characters. */
    static final int MAX_EXPANDED = 262_144;

    private final Set<String> unresolved = new TreeSet<>();
    private long expanded;
    private final TemplateNames names;

    IntrinsicResolver(Map<String, String> given, JsonNode template) {
        this.names = new TemplateNames(given, template, unresolved);
    }

    /** Names met that have no value, sorted. */
    Set<String> unresolved() {
        return unresolved;
    }

    JsonNode resolve(JsonNode node, String path) {
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(resolve(node.get(i), path + "[" + i + "]"));
            }
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            String function = node.fieldNames().next();
            JsonNode argument = node.get(function);
            String at = path + "." + function;
            switch (function) {
                case "Ref":
                    return ref(text(argument, at, "a name"));
                case "Fn::Sub":
                    return NODES.textNode(sub(argument, at));
                case "Fn::GetAtt":
                    return NODES.textNode(getAtt(argument, at));
                case "Fn::Join":
                    return NODES.textNode(join(argument, at));
                default:
                    if (UNSUPPORTED.contains(function) || function.startsWith("Fn::")) {
                        throw new PolicySourceException(at + ": intrinsic function " + function
                                + " cannot be resolved before deploy; supported: Ref, Fn::Sub, Fn::GetAtt, Fn::Join");
                    }
            }
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            out.set(field.getKey(), resolve(field.getValue(), path + "." + field.getKey()));
        }
        return out;
    }

    private JsonNode ref(String name) {
        JsonNode value = names.ref(name);
        if (value == null) {
            unresolved.add(name);
            return NODES.textNode("${" + name + "}");
        }
        if (value.isTextual()) {
            charge(value.asText().length(), "Ref " + name);
        }
        return value;
    }

    /** Counts {@code characters} more of expanded text, failing once the document's expansion passes the limit. */
    private void charge(long characters, String at) {
        expanded += characters;
        if (expanded > MAX_EXPANDED) {
            throw new PolicySourceException(at + ": intrinsic functions expand to more than " + MAX_EXPANDED
                    + " characters, the largest trust policy IAM accepts; expansion stopped");
        }
    }

    private String sub(JsonNode argument, String at) {
        if (argument.isTextual()) {
            return substitute(argument.asText(), Map.of(), at);
        }
        if (argument.isArray() && argument.size() == 2 && argument.get(0).isTextual() && argument.get(1).isObject()) {
            java.util.Map<String, String> variables = new java.util.HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = argument.get(1).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> variable = it.next();
                variables.put(variable.getKey(), scalar(resolve(variable.getValue(), at + "." + variable.getKey()),
                        at + "." + variable.getKey()));
            }
            return substitute(argument.get(0).asText(), variables, at);
        }
        throw new PolicySourceException(at + ": Fn::Sub takes a string or [string, {variables}]");
    }

    private String substitute(String template, Map<String, String> variables, String at) {
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf("${", i);
            if (open < 0) {
                out.append(template, i, template.length());
                charge(template.length() - i, at);
                break;
            }
            out.append(template, i, open);
            charge(open - i, at);
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new PolicySourceException(at + ": unclosed ${ in '" + template + "'");
            }
            String name = template.substring(open + 2, close).trim();
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
                charge(name.length() + 2, at);
            } else if (variables.containsKey(name)) {
                out.append(variables.get(name));
                charge(variables.get(name).length(), at + " ${" + name + "}");
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                out.append(attribute(name.substring(0, dot), name.substring(dot + 1), at));
            } else {
                out.append(scalar(ref(name), at + " ${" + name + "}"));
            }
            i = close + 1;
        }
        return out.toString();
    }

    private String getAtt(JsonNode argument, String at) {
        if (argument.isArray() && argument.size() == 2) {
            return attribute(text(argument.get(0), at, "a resource"), text(argument.get(1), at, "an attribute"), at);
        }
        if (argument.isTextual() && argument.asText().indexOf('.') > 0) {
            String text = argument.asText();
            return attribute(text.substring(0, text.indexOf('.')), text.substring(text.indexOf('.') + 1), at);
        }
        throw new PolicySourceException(at + ": Fn::GetAtt takes [Resource, Attribute]");
    }

    private String attribute(String resource, String attribute, String at) {
        String value = names.attribute(resource, attribute, at);
        charge(value.length(), at);
        return value;
    }

    private String join(JsonNode argument, String at) {
        if (!argument.isArray() || argument.size() != 2 || !argument.get(0).isTextual()) {
            throw new PolicySourceException(at + ": Fn::Join takes [delimiter, [values]]");
        }
        JsonNode values = resolve(argument.get(1), at);
        if (!values.isArray()) {
            throw new PolicySourceException(at + ": Fn::Join takes [delimiter, [values]]");
        }
        StringBuilder out = new StringBuilder();
        String delimiter = argument.get(0).asText();
        for (int i = 0; i < values.size(); i++) {
            String value = scalar(values.get(i), at + "[" + i + "]");
            charge((i == 0 ? 0 : delimiter.length()) + (long) value.length(), at + "[" + i + "]");
            out.append(i == 0 ? "" : delimiter).append(value);
        }
        return out.toString();
    }

    private static String scalar(JsonNode value, String at) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        throw new PolicySourceException(at + ": expected a single value, got " + value.getNodeType());
    }

    private static String text(JsonNode value, String at, String what) {
        if (!value.isTextual()) {
            throw new PolicySourceException(at + ": expected " + what + " as a string");
        }
        return value.asText();
    }
}
