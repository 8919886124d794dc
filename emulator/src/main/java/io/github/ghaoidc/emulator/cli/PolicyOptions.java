package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import io.github.ghaoidc.core.trust.source.PolicyFormat;
import io.github.ghaoidc.core.trust.source.PolicySourceReader;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a trust policy comes from: {@code --policy FILE} and how to read it. */
final class PolicyOptions {

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Trust policy: a policy JSON, a CloudFormation template (YAML or JSON) or terraform show -json output.")
    Path policy;

    @Option(names = "--policy-format", paramLabel = "FORMAT",
            description = "json, cloudformation or terraform (default: detected from the content).")
    String format;

    @Option(names = "--role", paramLabel = "NAME",
            description = "Which role of a template or plan: logical id or RoleName (CloudFormation), address or name (Terraform).")
    String role;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "CloudFormation parameter or pseudo parameter (e.g. GitHubOrg=octo-org, AWS::AccountId=123456789012); repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    /** Reads and parses the policy; {@code accountId} fills AWS::AccountId when not given. */
    SourcedPolicy read(String accountId) {
        if (policy == null) {
            throw new CliException("missing --policy FILE (a policy JSON, CloudFormation template or terraform show -json output)");
        }
        Map<String, String> values = new LinkedHashMap<>(parameters);
        if (accountId != null) {
            values.putIfAbsent("AWS::AccountId", accountId);
        }
        try {
            return PolicySourceReader.builder()
                    .format(format == null ? null : PolicyFormat.fromName(format))
                    .role(role)
                    .parameters(values)
                    .build()
                    .read(policy);
        } catch (TrustPolicyException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Parses a sourced policy, naming the file in the error. */
    static TrustPolicy parse(SourcedPolicy sourced) {
        try {
            return TrustPolicy.parse(sourced.document());
        } catch (TrustPolicyException e) {
            throw new CliException(sourced.origin() + ": " + e.getMessage(), e);
        }
    }

    /** The account of a role ARN ({@code arn:aws:iam::123456789012:role/x}), or null. */
    static String accountOf(String roleArn) {
        if (roleArn == null) {
            return null;
        }
        String[] parts = roleArn.split(":", 6);
        return parts.length == 6 && parts[4].matches("\\d{12}") ? parts[4] : null;
    }
}
