package io.github.ghaoidc.core.trust.source.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.util.Map;
import java.util.Set;

/**
 * What a {@code Ref} or {@code ${…}} can name in a template before deploy: parameters (a value given
 * by the caller wins over the template's {@code Default}), pseudo parameters given by the caller
 * ({@code AWS::Partition} defaults to {@code aws}, {@code AWS::URLSuffix} to {@code amazonaws.com}),
 * and {@code AWS::IAM::OIDCProvider} resources, whose {@code Ref} and {@code Arn} are the provider ARN.
 */
final class TemplateNames {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String OIDC_PROVIDER = "AWS::IAM::OIDCProvider";

    private final Map<String, String> given;
    private final JsonNode parameters;
    private final JsonNode resources;
    private final Set<String> unresolved;

    TemplateNames(Map<String, String> given, JsonNode template, Set<String> unresolved) {
        this.given = given;
        this.unresolved = unresolved;
        this.parameters = template.path("Parameters");
        this.resources = template.path("Resources");
    }

    /** The value of {@code Ref name}, or {@code null} when it has none yet. */
    JsonNode ref(String name) {
        String value = given.get(name);
        JsonNode declared = parameters.path(name);
        if (value == null && declared.has("Default") && declared.get("Default").isValueNode()) {
            value = declared.get("Default").asText();
        }
        if (value == null) {
            value = pseudoDefault(name);
        }
        if (value != null) {
            return declared.path("Type").asText("").matches("CommaDelimitedList|List<.*>") ? list(value) : NODES.textNode(value);
        }
        JsonNode resource = resources.path(name);
        if (resource.isObject()) {
            return NODES.textNode(providerArn(name, resource, "Ref " + name));
        }
        return null;
    }

    /** The value of {@code Fn::GetAtt [resource, attribute]}; a name it needs but lacks goes to the unresolved set. */
    String attribute(String resourceName, String attribute, String at) {
        JsonNode resource = resources.path(resourceName);
        if (!resource.isObject()) {
            throw new PolicySourceException(at + ": Fn::GetAtt names resource '" + resourceName
                    + "', which the template does not declare");
        }
        if (!"Arn".equals(attribute)) {
            throw new PolicySourceException(at + ": Fn::GetAtt " + resourceName + "." + attribute
                    + " cannot be resolved before deploy; supported: the Arn of an " + OIDC_PROVIDER);
        }
        return providerArn(resourceName, resource, at);
    }

    private String providerArn(String name, JsonNode resource, String at) {
        String type = resource.path("Type").asText();
        if (!OIDC_PROVIDER.equals(type)) {
            throw new PolicySourceException(at + ": resource " + name + " of type " + type
                    + " cannot be resolved before deploy; supported: parameters, pseudo parameters and "
                    + OIDC_PROVIDER + " resources");
        }
        JsonNode url = resource.path("Properties").path("Url");
        if (!url.isTextual()) {
            throw new PolicySourceException(at + ": " + OIDC_PROVIDER + " " + name
                    + " needs Properties.Url as a plain string, e.g. https://token.actions.githubusercontent.com");
        }
        JsonNode account = ref("AWS::AccountId");
        JsonNode partition = ref("AWS::Partition");
        if (account == null) {
            unresolved.add("AWS::AccountId");
            return "arn:" + partition.asText() + ":iam::${AWS::AccountId}:oidc-provider/" + host(url);
        }
        return "arn:" + partition.asText() + ":iam::" + account.asText() + ":oidc-provider/" + host(url);
    }

    private static String host(JsonNode url) {
        String text = url.asText();
        return text.startsWith("https://") ? text.substring("https://".length()) : text;
    }

    private static String pseudoDefault(String name) {
        switch (name) {
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NoValue":
                throw new PolicySourceException("Ref AWS::NoValue cannot be used inside a trust policy");
            default:
                return null;
        }
    }

    private static ArrayNode list(String value) {
        ArrayNode items = NODES.arrayNode();
        for (String item : value.split(",", -1)) {
            items.add(item.trim());
        }
        return items;
    }
}
