package io.github.ghaoidc.testkit;

import io.github.ghaoidc.core.trust.source.PolicyFormat;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import io.github.ghaoidc.core.trust.source.PolicySourceReader;
import io.github.ghaoidc.testkit.internal.Resources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a role's trust policy comes from: a JSON string, a classpath resource or a file holding a policy
 * document, a CloudFormation template or {@code terraform show -json} output (read with the core's
 * {@link PolicySourceReader}). Nothing is read until {@link #document()}. Immutable and thread-safe.
 *
 * <pre>{@code
 * PolicySource.classpath("iam/github-actions-role.yaml")
 *         .parameter("GitHubOrg", "octo-org").parameter("GitHubRepo", "app");
 * }</pre>
 */
public final class PolicySource {

    private final String name;
    private final Supplier<String> content;
    private final PolicyFormat format;
    private final String role;
    private final Map<String, String> parameters;

    private PolicySource(String name, Supplier<String> content, PolicyFormat format, String role,
                         Map<String, String> parameters) {
        this.name = name;
        this.content = content;
        this.format = format;
        this.role = role;
        this.parameters = Map.copyOf(parameters);
    }

    /** A policy document given as JSON text. */
    public static PolicySource json(String policyJson) {
        Objects.requireNonNull(policyJson, "policyJson");
        return new PolicySource("inline policy", () -> policyJson, PolicyFormat.JSON, null, Map.of());
    }

    /**
     * A classpath resource (e.g. {@code trust/deploy-role.json}, no leading slash needed) holding a policy
     * document, a CloudFormation template or Terraform plan JSON; the format is detected.
     */
    public static PolicySource classpath(String resource) {
        Objects.requireNonNull(resource, "resource");
        return new PolicySource("classpath:" + resource, () -> Resources.read(resource), null, null, Map.of());
    }

    /** A file holding a policy document, a CloudFormation template or Terraform plan JSON; the format is detected. */
    public static PolicySource file(Path file) {
        Objects.requireNonNull(file, "file");
        return new PolicySource(file.toString(), () -> Resources.readFile(file), null, null, Map.of());
    }

    /** A CloudFormation template (YAML or JSON) file; pick the role with {@link #role(String)} if it has several. */
    public static PolicySource cloudFormation(Path template) {
        return file(template).format(PolicyFormat.CLOUDFORMATION);
    }

    /** A {@code terraform show -json} file (plan or state); pick the role with {@link #role(String)} if it has several. */
    public static PolicySource terraformPlan(Path planJson) {
        return file(planJson).format(PolicyFormat.TERRAFORM);
    }

    /** This source read as {@code format} instead of detecting it. */
    public PolicySource format(PolicyFormat format) {
        return new PolicySource(name, content, Objects.requireNonNull(format, "format"), role, parameters);
    }

    /**
     * The role to read when the source holds several: a CloudFormation logical id or {@code RoleName}, a
     * Terraform resource address or name. Default: the source must hold exactly one role.
     */
    public PolicySource role(String role) {
        return new PolicySource(name, content, format, Objects.requireNonNull(role, "role"), parameters);
    }

    /**
     * A CloudFormation parameter ({@code GitHubOrg}) or pseudo parameter ({@code AWS::AccountId}). A sandbox
     * fills {@code AWS::AccountId}, {@code AWS::Region} and {@code AWS::Partition} unless given here.
     */
    public PolicySource parameter(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new PolicySource(this.name, content, format, role, copy);
    }

    /** Where the policy comes from, for messages. */
    public String name() {
        return name;
    }

    /**
     * Reads and resolves the policy document (JSON text).
     *
     * @throws PolicySourceException when the source is missing or holds no single resolvable role policy
     */
    public String document() {
        return document(Map.of());
    }

    /** As {@link #document()}, with {@code defaults} for parameters this source does not set. */
    String document(Map<String, String> defaults) {
        Map<String, String> all = new LinkedHashMap<>(defaults);
        all.putAll(parameters);
        return PolicySourceReader.builder().format(format).role(role).parameters(all).build()
                .read(content.get(), name).document();
    }

    @Override
    public String toString() {
        return "PolicySource[" + name + (format == null ? "" : ", " + format) + (role == null ? "" : ", role=" + role)
                + "]";
    }

}
