package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustPolicyException;
import io.github.ghaoidc.core.trust.source.PolicyFormat;
import io.github.ghaoidc.core.trust.source.PolicySourceReader;
import io.github.ghaoidc.core.trust.source.SourcedPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where a trust policy comes from: {@code --policy FILE} and how to read it. */
final class PolicyOptions {

    /** The account a policy is read in when neither --account-id nor a --role-arn names one. */
    static final String DEFAULT_ACCOUNT = "123456789012";

    @Option(names = "--policy", paramLabel = "FILE",
            description = "Trust policy: a policy JSON, a CloudFormation template (YAML or JSON), terraform show -json "
                    + "output, or Terraform configuration (a .tf file or a module directory). trust lint takes several.")
    List<Path> policies = new ArrayList<>();

    @Option(names = "--policy-format", paramLabel = "FORMAT",
            description = "json, cloudformation, terraform (show -json) or hcl (.tf files) (default: detected).")
    String format;

    @Option(names = "--role", paramLabel = "NAME",
            description = "Which role of a template, plan or module: logical id or RoleName (CloudFormation), "
                    + "address or name (Terraform).")
    String role;

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "Terraform input variable for .tf files (Terraform's spelling); repeatable. Wins over "
                    + "--var-file, terraform.tfvars, *.auto.tfvars and defaults.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--var-file", paramLabel = "FILE.tfvars", description = "Terraform variables file; repeatable.")
    List<Path> varFiles = new ArrayList<>();

    @Option(names = "--account-id", paramLabel = "ACCOUNT",
            description = "The account of .tf files (provider ARNs, aws_caller_identity) and AWS::AccountId of "
                    + "templates (default: the --role-arn's account, else 123456789012).")
    String accountId;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "CloudFormation parameter or pseudo parameter (e.g. GitHubOrg=octo-org, AWS::AccountId=123456789012); repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();

    /** Reads the policy; {@code roleAccount} (the --role-arn's account) fills the account when not given. */
    SourcedPolicy read(String roleAccount) {
        if (policies.isEmpty()) {
            throw new CliException("missing --policy FILE (a policy JSON, CloudFormation template, terraform show -json "
                    + "output or .tf file)");
        }
        if (policies.size() > 1) {
            throw new CliException("--policy is given " + policies.size() + " times; this command takes one role "
                    + "(trust lint takes several files and --dir trees)");
        }
        try {
            return reader(roleAccount).read(policies.get(0));
        } catch (TrustPolicyException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The reader these options describe. */
    PolicySourceReader reader(String roleAccount) {
        Map<String, String> values = new LinkedHashMap<>(parameters);
        String account = accountId != null ? accountId : roleAccount;
        if (account != null) {
            if (!account.matches("\\d{12}")) {
                throw new CliException("--account-id must be 12 digits, got: " + account);
            }
            if (accountId != null) {
                values.put("AWS::AccountId", account);
            } else {
                values.putIfAbsent("AWS::AccountId", account);
            }
        }
        try {
            PolicySourceReader.Builder builder = PolicySourceReader.builder()
                    .format(format == null ? null : PolicyFormat.fromName(format))
                    .role(role)
                    .parameters(values)
                    .variables(variables);
            varFiles.forEach(builder::varFile);
            return builder.build();
        } catch (TrustPolicyException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Parses a sourced policy, naming the file and line of the refused element in the error. */
    static TrustPolicy parse(SourcedPolicy sourced) {
        try {
            return TrustPolicy.parse(sourced.document());
        } catch (io.github.ghaoidc.core.trust.PolicyParseException e) {
            throw new CliException(where(sourced, e.path()) + e.getMessage(), e);
        } catch (io.github.ghaoidc.core.trust.MalformedPolicyException e) {
            throw new CliException(where(sourced, e.path()) + e.getMessage(), e);
        } catch (TrustPolicyException e) {
            throw new CliException(sourced.origin() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The prefix naming where the element at {@code jsonPath} was written: {@code policy.json:4:72: }, or
     * {@code main.tf:20: aws_iam_role.deploy (deploy): } with the role when the file holds roles, or the origin when
     * no line is known.
     */
    static String where(SourcedPolicy sourced, String jsonPath) {
        String role = sourced.roleLabel();
        return sourced.locate(jsonPath == null ? "$" : jsonPath).map(at -> at + ": " + (role.isEmpty() ? "" : role + ": "))
                .orElse(sourced.origin() + ": ");
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
