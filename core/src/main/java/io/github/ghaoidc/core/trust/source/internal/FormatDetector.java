package io.github.ghaoidc.core.trust.source.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.trust.source.PolicyFormat;
import io.github.ghaoidc.core.trust.source.PolicySourceException;

/** Tells a policy, a CloudFormation template and {@code terraform show -json} output apart. */
public final class FormatDetector {

    private FormatDetector() {
    }

    /**
     * Detects the format: a JSON object with {@code Statement} is a policy, with {@code Resources}
     * or {@code AWSTemplateFormatVersion} a CloudFormation template, with {@code format_version},
     * {@code planned_values} or {@code values} Terraform output; anything not starting with
     * {@code {} is taken as a YAML CloudFormation template.
     */
    public static PolicyFormat detect(String text, String sourceName) {
        if (text.isBlank()) {
            throw new PolicySourceException(sourceName + ": empty document; expected a policy, "
                    + "a CloudFormation template or terraform show -json output");
        }
        if (!Json.looksLikeJsonObject(text)) {
            return PolicyFormat.CLOUDFORMATION;
        }
        JsonNode root = Json.parseLenient(text, sourceName);
        if (root.has("Statement")) {
            return PolicyFormat.JSON;
        }
        if (root.has("Resources") || root.has("AWSTemplateFormatVersion")) {
            return PolicyFormat.CLOUDFORMATION;
        }
        if (root.has("format_version") || root.has("planned_values") || root.has("values")) {
            return PolicyFormat.TERRAFORM;
        }
        throw new PolicySourceException(sourceName + ": cannot tell the format: expected a policy "
                + "(with Statement), a CloudFormation template (with Resources) or terraform show -json "
                + "output (with format_version); name it with the format option");
    }
}
