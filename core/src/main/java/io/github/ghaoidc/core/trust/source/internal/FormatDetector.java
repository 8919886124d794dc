package io.github.ghaoidc.core.trust.source.internal;

import io.github.ghaoidc.core.trust.source.PolicyFormat;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.util.Set;

/** Tells a policy, a CloudFormation template and {@code terraform show -json} output apart. */
public final class FormatDetector {

    /** A top-level Terraform block: {@code resource "…"}, {@code data "…"}, {@code locals {}}, … */
    private static final java.util.regex.Pattern HCL = java.util.regex.Pattern.compile(
            "(?m)\\A(?:\\s*(?:#|//)[^\\n]*\\n)*\\s*(?:resource|data|module|variable|locals|terraform|provider|output)"
                    + "(?:\\s+\"[^\"\\n]*\")*\\s*\\{");

    private FormatDetector() {
    }

    /**
     * Detects the format: a JSON object with {@code Statement} is a policy, with {@code Resources}
     * or {@code AWSTemplateFormatVersion} a CloudFormation template, with {@code format_version},
     * {@code planned_values} or {@code values} Terraform output; anything not starting with
     * {@code {} is taken as a YAML CloudFormation template if it is a YAML mapping, and refused naming what was
     * tried otherwise (plain text, a YAML list or scalar).
     */
    public static PolicyFormat detect(String text, String sourceName) {
        if (text.isBlank()) {
            throw new PolicySourceException(sourceName + ": empty document; expected a policy, "
                    + "a CloudFormation template or terraform show -json output");
        }
        if (!Json.looksLikeJsonObject(text)) {
            if (HCL.matcher(text).find()) {
                throw new PolicySourceException(sourceName + ": looks like Terraform configuration (HCL), which is read "
                        + "from a module's .tf files: give the .tf file or its directory as the policy");
            }
            boolean mapping;
            try {
                mapping = CloudFormationYaml.read(text, sourceName).isObject();
            } catch (PolicySourceException e) {
                throw new PolicySourceException(e.getMessage() + " (not JSON either: it does not start with '{'; "
                        + "expected a trust policy JSON, a CloudFormation template or terraform show -json output)", e);
            }
            if (!mapping) {
                throw new PolicySourceException(sourceName + ": not a policy JSON, CloudFormation template or Terraform "
                        + "file: tried JSON (it does not start with '{') and a YAML template (YAML, but not a mapping); "
                        + "give a trust policy JSON, a CloudFormation template or terraform show -json output");
            }
            return PolicyFormat.CLOUDFORMATION;
        }
        Set<String> fields = Json.topLevelFields(text, sourceName);
        if (fields.contains("Statement")) {
            return PolicyFormat.JSON;
        }
        if (fields.contains("Resources") || fields.contains("AWSTemplateFormatVersion")) {
            return PolicyFormat.CLOUDFORMATION;
        }
        if (fields.contains("format_version") || fields.contains("planned_values") || fields.contains("values")) {
            return PolicyFormat.TERRAFORM;
        }
        throw new PolicySourceException(sourceName + ": cannot tell the format: expected a policy "
                + "(with Statement), a CloudFormation template (with Resources) or terraform show -json "
                + "output (with format_version); name it with the format option");
    }
}
