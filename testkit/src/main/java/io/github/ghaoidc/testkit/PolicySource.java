package io.github.ghaoidc.testkit;

import io.github.ghaoidc.core.trust.source.PolicyFormat;
import io.github.ghaoidc.core.trust.source.PolicySourceException;
import io.github.ghaoidc.core.trust.source.PolicySourceReader;
import io.github.ghaoidc.testkit.internal.Resources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Where a role's trust policy comes from: a JSON string, a classpath resource or a file holding a policy
 * document, a CloudFormation template or {@code terraform show -json} output, or Terraform configuration as
 * written ({@link #terraform(Path)}: {@code .tf} files of a module) (read with the core's
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
    private final Path terraform;
    private final Map<String, String> variables;
    private final List<Path> varFiles;

    private PolicySource(String name, Supplier<String> content, PolicyFormat format, String role,
                         Map<String, String> parameters) {
        this(name, content, format, role, parameters, null, Map.of(), List.of());
    }

    private PolicySource(String name, Supplier<String> content, PolicyFormat format, String role,
                         Map<String, String> parameters, Path terraform, Map<String, String> variables,
                         List<Path> varFiles) {
        this.name = name;
        this.content = content;
        this.format = format;
        this.role = role;
        this.parameters = Map.copyOf(parameters);
        this.terraform = terraform;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.varFiles = List.copyOf(varFiles);
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

    /**
     * Terraform configuration as written: the module of {@code moduleOrFile} (a directory, or one of its {@code .tf}
     * files) and the local or initialised modules it calls, read without running Terraform. Give input variables with
     * {@link #variable(String, String)} or {@link #varFile(Path)}; the sandbox's account fills provider ARNs and
     * {@code data.aws_caller_identity} unless {@code parameter("AWS::AccountId", …)} says otherwise.
     */
    public static PolicySource terraform(Path moduleOrFile) {
        Objects.requireNonNull(moduleOrFile, "moduleOrFile");
        return new PolicySource(moduleOrFile.toString(), () -> {
            throw new IllegalStateException("Terraform configuration is read from its files");
        }, PolicyFormat.HCL, null, Map.of(), moduleOrFile, Map.of(), List.of());
    }

    /** As {@link #terraform(Path)}, picking {@code role} (a resource address or {@code name}) of a module with several. */
    public static PolicySource terraform(Path moduleOrFile, String role) {
        return terraform(moduleOrFile).role(role);
    }

    /** A Terraform input variable ({@code --var NAME=VALUE}); wins over tfvars files and defaults. Only for Terraform. */
    public PolicySource variable(String name, String value) {
        requireTerraform("variable");
        Map<String, String> copy = new LinkedHashMap<>(variables);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new PolicySource(this.name, content, format, role, parameters, terraform, copy, varFiles);
    }

    /** A {@code .tfvars} file, applied after the module's own tfvars files. Only for Terraform. */
    public PolicySource varFile(Path file) {
        requireTerraform("varFile");
        List<Path> copy = new ArrayList<>(varFiles);
        copy.add(Objects.requireNonNull(file, "file"));
        return new PolicySource(name, content, format, role, parameters, terraform, variables, copy);
    }

    private void requireTerraform(String what) {
        if (terraform == null) {
            throw new IllegalStateException(what + "(…) applies to PolicySource.terraform(…) only; " + name
                    + " is not Terraform configuration (templates take parameter(…))");
        }
    }

    /** This source read as {@code format} instead of detecting it. */
    public PolicySource format(PolicyFormat format) {
        if (terraform != null) {
            throw new IllegalStateException("a PolicySource.terraform(…) source is always read as Terraform configuration");
        }
        return new PolicySource(name, content, Objects.requireNonNull(format, "format"), role, parameters);
    }

    /**
     * The role to read when the source holds several: a CloudFormation logical id or {@code RoleName}, a
     * Terraform resource address or name. Default: the source must hold exactly one role.
     */
    public PolicySource role(String role) {
        return new PolicySource(name, content, format, Objects.requireNonNull(role, "role"), parameters, terraform,
                variables, varFiles);
    }

    /**
     * A CloudFormation parameter ({@code GitHubOrg}) or pseudo parameter ({@code AWS::AccountId}). A sandbox
     * fills {@code AWS::AccountId}, {@code AWS::Region} and {@code AWS::Partition} unless given here.
     */
    public PolicySource parameter(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new PolicySource(this.name, content, format, role, copy, terraform, variables, varFiles);
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
        PolicySourceReader.Builder reader = PolicySourceReader.builder().format(format).role(role).parameters(all);
        if (terraform != null) {
            varFiles.forEach(reader::varFile);
            return reader.variables(variables).build().read(terraform).document();
        }
        return reader.build().read(content.get(), name).document();
    }

    @Override
    public String toString() {
        return "PolicySource[" + name + (format == null ? "" : ", " + format) + (role == null ? "" : ", role=" + role)
                + "]";
    }

}
