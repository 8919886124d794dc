package io.github.ghaoidc.emulator.audit;

import io.github.ghaoidc.core.trust.audit.AccountProvider;
import io.github.ghaoidc.core.trust.audit.AccountRole;
import io.github.ghaoidc.core.trust.lint.internal.GitHubTerms;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * Reads what {@link io.github.ghaoidc.core.trust.audit.TrustAuditor} needs from an account's IAM: every OIDC
 * provider (ListOpenIDConnectProviders, and GetOpenIDConnectProvider for the GitHub ones, for their client IDs) and
 * every role (ListRoles, all pages), with the trust policy URL-decoded (the SDK returns it as IAM sends it).
 * It needs {@code iam:ListRoles}, {@code iam:ListOpenIDConnectProviders} and {@code iam:GetOpenIDConnectProvider}.
 * The client is the caller's: it is not closed here. Thread-safe if the client is.
 */
public final class IamAccountReader {

    /** The IAM permissions a read needs, for error messages and docs. */
    public static final String PERMISSIONS = "iam:ListRoles, iam:ListOpenIDConnectProviders and "
            + "iam:GetOpenIDConnectProvider";

    private final IamClient iam;
    private final String endpoint;

    private IamAccountReader(IamClient iam, String endpoint) {
        this.iam = Objects.requireNonNull(iam, "iam");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /**
     * A reader over {@code iam}.
     *
     * @param endpoint how to name the IAM endpoint in error messages (e.g. {@code https://iam.amazonaws.com})
     */
    public static IamAccountReader create(IamClient iam, String endpoint) {
        return new IamAccountReader(iam, endpoint);
    }

    /** What was read: the account (from the first ARN seen, or null), its roles and its OIDC providers. */
    public record Account(String accountId, List<AccountRole> roles, List<AccountProvider> providers) {
        public Account {
            roles = List.copyOf(roles);
            providers = List.copyOf(providers);
        }
    }

    /**
     * Reads the account.
     *
     * @param rolesRead called after each ListRoles page with the number of roles read so far
     * @throws AuditReadException naming the endpoint, the call and AWS's error when IAM cannot be reached or refuses
     */
    public Account read(IntConsumer rolesRead) {
        List<AccountProvider> providers = new ArrayList<>();
        List<OpenIDConnectProviderListEntry> entries = call("ListOpenIDConnectProviders",
                () -> iam.listOpenIDConnectProviders().openIDConnectProviderList());
        for (OpenIDConnectProviderListEntry entry : entries) {
            String host = GitHubTerms.providerHost(entry.arn());
            List<String> clientIds = host != null && GitHubTerms.isGitHubHost(host)
                    ? call("GetOpenIDConnectProvider",
                            () -> iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(entry.arn())).clientIDList())
                    : List.of();
            providers.add(new AccountProvider(entry.arn(), clientIds));
        }
        List<AccountRole> roles = new ArrayList<>();
        String marker = null;
        do {
            String from = marker;
            ListRolesResponse page = call("ListRoles", () -> iam.listRoles(r -> r.marker(from)));
            for (Role role : page.roles()) {
                roles.add(new AccountRole(role.roleName(), role.arn(), decode(role.assumeRolePolicyDocument())));
            }
            rolesRead.accept(roles.size());
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
        return new Account(accountOf(roles, providers), roles, providers);
    }

    private static String decode(String document) {
        if (document == null) {
            return "";
        }
        try {
            return URLDecoder.decode(document, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return document; // not URL-encoded after all: the audit reports it if it is not a policy
        }
    }

    private static String accountOf(List<AccountRole> roles, List<AccountProvider> providers) {
        List<String> arns = new ArrayList<>();
        roles.forEach(r -> arns.add(r.arn()));
        providers.forEach(p -> arns.add(p.arn()));
        for (String arn : arns) {
            String[] parts = arn.split(":", 6);
            if (parts.length == 6 && parts[4].matches("\\d{12}")) {
                return parts[4];
            }
        }
        return null;
    }

    private <T> T call(String action, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IamException e) {
            String code = e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            boolean denied = "AccessDenied".equals(code) || "AccessDeniedException".equals(code);
            throw new AuditReadException("IAM at " + endpoint + " refused iam:" + action + " (" + code + ": " + message
                    + ")" + (denied ? "; the audit needs " + PERMISSIONS : ""), e);
        } catch (SdkClientException e) {
            throw new AuditReadException("cannot reach IAM at " + endpoint + " for iam:" + action + ": "
                    + rootMessage(e), e);
        } catch (SdkException e) {
            throw new AuditReadException("IAM at " + endpoint + " failed iam:" + action + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? e.getMessage() : m;
    }

    @Override
    public String toString() {
        return "IamAccountReader[" + endpoint + "]";
    }
}
