package io.github.ghaoidc.core.trust.source;

import io.github.ghaoidc.core.trust.source.internal.hcl.TerraformHclReader;
import io.github.ghaoidc.core.trust.source.internal.hcl.TerraformModule;
import io.github.ghaoidc.core.trust.source.internal.CloudFormationReader;
import io.github.ghaoidc.core.trust.source.internal.FormatDetector;
import io.github.ghaoidc.core.trust.source.internal.JsonPolicyReader;
import io.github.ghaoidc.core.trust.source.internal.TerraformReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a role trust policy from a plain JSON policy, a CloudFormation template (the
 * {@code AssumeRolePolicyDocument} of an {@code AWS::IAM::Role}) or {@code terraform show -json}
 * output (the {@code assume_role_policy} of an {@code aws_iam_role}). Immutable and thread-safe.
 *
 * <pre>{@code
 * SourcedPolicy policy = PolicySourceReader.builder()
 *         .parameter("GitHubOrg", "octo-org").parameter("GitHubRepo", "octo-repo")
 *         .parameter("AWS::AccountId", "123456789012")
 *         .build()
 *         .read(Path.of("stack.yaml"));
 * }</pre>
 */
public final class PolicySourceReader {

    /** Largest input read, in bytes; longer input (files, pipes, devices) is refused after this many bytes. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    private final PolicyFormat format;
    private final String role;
    private final Map<String, String> parameters;
    private final Map<String, String> variables;
    private final List<Path> varFiles;

    private PolicySourceReader(Builder builder) {
        this.format = builder.format;
        this.role = builder.role;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.parameters));
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(builder.variables));
        this.varFiles = List.copyOf(builder.varFiles);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A reader that detects the format, expects one role and has no parameters. */
    public static PolicySourceReader create() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder builder = new Builder().format(format).role(role);
        builder.parameters.putAll(parameters);
        builder.variables.putAll(variables);
        builder.varFiles.addAll(varFiles);
        return builder;
    }

    /**
     * Reads the policy held by {@code file}.
     *
     * @throws PolicySourceException when the file is missing, unreadable, too large, not UTF-8, or
     *     does not hold exactly one resolvable role policy
     */
    public SourcedPolicy read(Path file) {
        if (isTerraformConfiguration(file)) {
            return terraform().read(file, file.toString(), role);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new PolicySourceException(file + ": no such file", e);
        } catch (IOException e) {
            throw new PolicySourceException(file + ": cannot read the file (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads the policy from {@code in} (not closed), at most {@link #MAX_BYTES} bytes: a longer or
     * endless stream (a pipe, a device) is refused after that many bytes, never loaded whole.
     *
     * @throws PolicySourceException as {@link #read(Path)} does
     */
    public SourcedPolicy read(InputStream in, String sourceName) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new PolicySourceException(sourceName + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new PolicySourceException(sourceName + ": larger than the limit of " + MAX_BYTES
                    + " bytes (32 MiB); give a policy, template or plan file below it");
        }
        return read(decode(bytes, sourceName), sourceName);
    }

    /**
     * Reads the policy held by {@code content}; {@code sourceName} names it in messages and origins.
     */
    public SourcedPolicy read(String content, String sourceName) {
        if (content.length() > MAX_BYTES) {
            throw new PolicySourceException(sourceName + ": document is larger than " + MAX_BYTES + " characters");
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        PolicyFormat actual = format != null ? format : FormatDetector.detect(text, sourceName);
        switch (actual) {
            case JSON:
                return JsonPolicyReader.read(text, sourceName);
            case CLOUDFORMATION:
                return new CloudFormationReader(parameters, role).read(text, sourceName);
            case TERRAFORM:
                return new TerraformReader(role).read(text, sourceName);
            case HCL:
                throw new PolicySourceException(sourceName + ": Terraform configuration is read from its files: give "
                        + "the .tf file or the module's directory");
            default:
                throw new IllegalStateException("unhandled format " + actual);
        }
    }

    /**
     * Every role of the Terraform module at {@code path} (a directory or one of its {@code .tf} files) and of the
     * modules it calls, as written: for a tree of configuration, one module at a time.
     *
     * @throws PolicySourceException naming the file and line of the first construct that needs a plan
     */
    public List<SourcedPolicy> readTerraformModule(Path path) {
        return readTerraformModule(path, path.toString());
    }

    /** As {@link #readTerraformModule(Path)}, naming the module's files under {@code displayName} in origins and lines. */
    public List<SourcedPolicy> readTerraformModule(Path path, String displayName) {
        return terraform().roles(path, displayName);
    }

    /** As {@link #readTerraformModule(Path, String)} for a module a tree scan has already read. */
    List<SourcedPolicy> readTerraformModule(TerraformModule module) {
        return terraform().roles(module);
    }

    /** Whether {@code file} is Terraform configuration as written: a {@code .tf} file, a directory, or the HCL format. */
    public boolean isTerraformConfiguration(Path file) {
        return format == PolicyFormat.HCL || file.getFileName() != null && file.getFileName().toString().endsWith(".tf")
                || Files.isDirectory(file);
    }

    private TerraformHclReader terraform() {
        String account = parameters.getOrDefault("AWS::AccountId", "123456789012");
        if (!account.matches("\\d{12}")) {
            throw new PolicySourceException("the account must be 12 digits, got: " + account);
        }
        return new TerraformHclReader(variables, varFiles, account, parameters.getOrDefault("AWS::Partition", "aws"));
    }

    private static String decode(byte[] bytes, String sourceName) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new PolicySourceException(sourceName + ": not UTF-8 text", e);
        }
    }

    @Override
    public String toString() {
        return "PolicySourceReader[format=" + (format == null ? "detect" : format.cliName())
                + ", role=" + role + ", parameters=" + parameters.keySet() + "]";
    }

    /** Builds a {@link PolicySourceReader}. */
    public static final class Builder {
        private PolicyFormat format;
        private String role;
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<Path> varFiles = new ArrayList<>();

        private Builder() {
        }

        /** A Terraform input variable ({@code --var NAME=VALUE}); it wins over tfvars files and defaults. */
        public Builder variable(String name, String value) {
            this.variables.put(name, value);
            return this;
        }

        /** Every entry of {@code values} as {@link #variable(String, String)} does. */
        public Builder variables(Map<String, String> values) {
            this.variables.putAll(values);
            return this;
        }

        /** A {@code .tfvars} file ({@code --var-file}), applied after the module's own tfvars files, in order. */
        public Builder varFile(Path file) {
            this.varFiles.add(file);
            return this;
        }

        /** The source format; default {@code null}: detected from the content. */
        public Builder format(PolicyFormat format) {
            this.format = format;
            return this;
        }

        /**
         * Which role to read when the source holds several: a CloudFormation logical id or
         * {@code RoleName}, or a Terraform resource address or {@code name}. Default {@code null}:
         * the source must hold exactly one role.
         */
        public Builder role(String role) {
            this.role = role;
            return this;
        }

        /**
         * A CloudFormation parameter or pseudo parameter value ({@code AWS::AccountId},
         * {@code AWS::Region}, {@code AWS::Partition}, …); it overrides the template's Default.
         */
        public Builder parameter(String name, String value) {
            this.parameters.put(name, value);
            return this;
        }

        /** Adds every entry of {@code values} as {@link #parameter(String, String)} does. */
        public Builder parameters(Map<String, String> values) {
            this.parameters.putAll(values);
            return this;
        }

        public PolicySourceReader build() {
            return new PolicySourceReader(this);
        }
    }
}
