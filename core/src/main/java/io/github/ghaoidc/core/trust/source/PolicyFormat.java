package io.github.ghaoidc.core.trust.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of file a role trust policy can be read from. */
public enum PolicyFormat {
    /** A policy document as IAM stores it: {@code {"Version":…,"Statement":…}}. */
    JSON("json"),
    /** A CloudFormation template (YAML with short-form tags, or JSON) holding an {@code AWS::IAM::Role}. */
    CLOUDFORMATION("cloudformation"),
    /** The output of {@code terraform show -json} (a plan or a state) holding an {@code aws_iam_role}. */
    TERRAFORM("terraform"),
    /** Terraform configuration as written ({@code .tf} files of a module), read without running Terraform. */
    HCL("hcl");

    private final String cliName;

    PolicyFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The lower-case name used on the command line. */
    public String cliName() {
        return cliName;
    }

    /**
     * Looks a format up by its command-line name, case-insensitively.
     *
     * @throws PolicySourceException naming the allowed names when {@code name} is none of them
     */
    public static PolicyFormat fromName(String name) {
        for (PolicyFormat format : values()) {
            if (format.cliName.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return format;
            }
        }
        throw new PolicySourceException("unknown policy format '" + name + "'; allowed: "
                + Arrays.stream(values()).map(PolicyFormat::cliName).collect(Collectors.joining(", "))
                + " (or leave it out to detect it)");
    }

    @Override
    public String toString() {
        return cliName.toUpperCase(Locale.ROOT);
    }
}
