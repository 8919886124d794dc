package io.github.ghaoidc.core.trust.source.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.ghaoidc.core.internal.JsonReadProblems;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.io.IOException;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a CloudFormation YAML template into a JSON tree, turning the short-form tags into their
 * long form: {@code !Sub x} becomes {@code {"Fn::Sub": x}}, {@code !Ref x} becomes {@code {"Ref": x}},
 * {@code !GetAtt a.b} becomes {@code {"Fn::GetAtt": ["a","b"]}}, {@code !Condition x} becomes
 * {@code {"Condition": x}} and every other {@code !Name} becomes {@code {"Fn::Name": …}}.
 * Duplicate keys and YAML aliases are refused: their meaning differs between YAML tools.
 */
public final class CloudFormationYaml {

    private static final String YAML_CORE_TAG = "tag:yaml.org,2002:";
    private static final int MAX_DEPTH = 200;
    private static final Set<String> PLAIN_TAGS = Set.of("Ref", "Condition");
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions()).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {
    }

    /** Parses one YAML document; the message of any failure names the source, line and column. */
    public static JsonNode read(String text, String sourceName) {
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new PolicySourceException(sourceName + ": empty template");
            }
            JsonNode root = value(parser, sourceName, 0);
            if (parser.nextToken() != null) {
                throw new PolicySourceException(sourceName + ": more than one YAML document; a template is one");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new PolicySourceException(sourceName + ": invalid YAML" + JsonReadProblems.where(e) + ": "
                    + JsonReadProblems.what(e, "YAML"), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof PolicySourceException) {
                throw (PolicySourceException) e;
            }
            throw new PolicySourceException(sourceName + ": invalid YAML: " + oneLine(e.getMessage()), e);
        }
    }

    private static JsonNode value(YAMLParser parser, String sourceName, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw error(parser, sourceName, "nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (parser.isCurrentAlias()) {
            throw error(parser, sourceName, "YAML alias *" + parser.getText()
                    + " is not supported; write the value out");
        }
        String tag = parser.getTypeId();
        JsonNode node;
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                node = object(parser, sourceName, depth);
                break;
            case START_ARRAY:
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, sourceName, depth + 1));
                }
                node = array;
                break;
            case VALUE_STRING:
                node = NODES.textNode(parser.getText());
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                node = NODES.numberNode(parser.getDecimalValue());
                break;
            case VALUE_TRUE:
            case VALUE_FALSE:
                node = NODES.booleanNode(token == JsonToken.VALUE_TRUE);
                break;
            case VALUE_NULL:
                node = NODES.nullNode();
                break;
            default:
                throw error(parser, sourceName, "unexpected YAML token " + token);
        }
        return tag == null ? node : tagged(tag, node, parser, sourceName);
    }

    private static ObjectNode object(YAMLParser parser, String sourceName, int depth) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (object.has(name)) {
                throw error(parser, sourceName, "duplicate key '" + name + "'");
            }
            parser.nextToken();
            object.set(name, value(parser, sourceName, depth + 1));
        }
        return object;
    }

    private static JsonNode tagged(String tag, JsonNode node, YAMLParser parser, String sourceName) {
        if (tag.startsWith(YAML_CORE_TAG)) {
            return tag.equals(YAML_CORE_TAG + "str") && node.isValueNode() ? NODES.textNode(node.asText()) : node;
        }
        if (tag.equals("GetAtt") && node.isTextual()) {
            String text = node.asText();
            int dot = text.indexOf('.');
            if (dot <= 0 || dot == text.length() - 1) {
                throw error(parser, sourceName, "!GetAtt needs Resource.Attribute, got '" + text + "'");
            }
            ArrayNode pair = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
            return NODES.objectNode().set("Fn::GetAtt", pair);
        }
        String name = PLAIN_TAGS.contains(tag) ? tag : "Fn::" + tag;
        return NODES.objectNode().set(name, node);
    }

    private static PolicySourceException error(YAMLParser parser, String sourceName, String what) {
        JsonLocation at = parser.currentLocation();
        return new PolicySourceException(sourceName + ": " + what + " at line " + at.getLineNr()
                + ", column " + at.getColumnNr());
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(32 * 1024 * 1024);
        options.setAllowDuplicateKeys(false);
        return options;
    }
}
