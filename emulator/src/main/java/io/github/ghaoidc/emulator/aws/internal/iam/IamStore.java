package io.github.ghaoidc.emulator.aws.internal.iam;

import io.github.ghaoidc.emulator.aws.internal.credentials.CredentialIds;
import io.github.ghaoidc.emulator.aws.internal.query.AwsServiceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One account's OIDC providers and roles, with IAM's error codes. Thread-safe; every mutation is atomic.
 */
public final class IamStore implements IamDirectory {

    private final Map<String, OidcProvider> providersByArn = new ConcurrentHashMap<>();
    private final Map<String, Role> rolesByName = new ConcurrentHashMap<>();
    private final IamNames names;
    private final Clock clock;
    private final Consumer<String> trustPolicyValidator;
    private final Consumer<String> legacyPolicyValidator;
    private final boolean allowLoopbackHttp;

    /** When a legacy role was created: the day before IAM's identity-provider controls came into force. */
    public static final Instant LEGACY_CREATE_DATE = Instant.parse("2025-06-05T00:00:00Z");

    /**
     * @param trustPolicyValidator  throws {@link AwsServiceException} (MalformedPolicyDocument) for a trust policy
     *                              IAM would refuse to save today
     * @param legacyPolicyValidator the same for a role created before 2025-06-06: every check but IAM's
     *                              identity-provider controls, which are not retroactive
     */
    public IamStore(IamNames names, Clock clock, Consumer<String> trustPolicyValidator,
            Consumer<String> legacyPolicyValidator, boolean allowLoopbackHttp) {
        this.names = names;
        this.clock = clock;
        this.trustPolicyValidator = trustPolicyValidator;
        this.legacyPolicyValidator = legacyPolicyValidator;
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    public IamNames names() {
        return names;
    }

    public OidcProvider createProvider(String url, List<String> clientIds, List<String> thumbprints) {
        ProviderUrls.check(url, allowLoopbackHttp);
        String arn = names.providerArn(url);
        OidcProvider provider = new OidcProvider(arn, url, new ArrayList<>(new LinkedHashSet<>(clientIds)),
                thumbprints, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        if (providersByArn.putIfAbsent(arn, provider) != null) {
            throw new AwsServiceException("EntityAlreadyExists", 409, "Provider with url " + url + " already exists.");
        }
        return provider;
    }

    public OidcProvider provider(String arn) {
        OidcProvider provider = providersByArn.get(arn);
        if (provider == null) {
            throw noSuchProvider(arn);
        }
        return provider;
    }

    public List<OidcProvider> providers() {
        return providersByArn.values().stream().sorted((a, b) -> a.arn().compareTo(b.arn())).toList();
    }

    /** {@code true} if every provider's URL passes {@code test} (also when there is none). */
    public boolean everyProviderUrl(Predicate<String> test) {
        return providersByArn.values().stream().allMatch(p -> test.test(p.url()));
    }

    public void deleteProvider(String arn) {
        if (providersByArn.remove(arn) == null) {
            throw noSuchProvider(arn);
        }
    }

    public void addClientId(String arn, String clientId) {
        if (providersByArn.computeIfPresent(arn, (k, p) -> {
            if (p.clientIds().contains(clientId)) {
                return p;
            }
            if (p.clientIds().size() >= 100) {
                throw new AwsServiceException("LimitExceeded", 409,
                        "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100");
            }
            List<String> ids = new ArrayList<>(p.clientIds());
            ids.add(clientId);
            return p.withClientIds(ids);
        }) == null) {
            throw noSuchProvider(arn);
        }
    }

    public void removeClientId(String arn, String clientId) {
        if (providersByArn.computeIfPresent(arn, (k, p) -> {
            List<String> ids = new ArrayList<>(p.clientIds());
            ids.remove(clientId);
            return p.withClientIds(ids);
        }) == null) {
            throw noSuchProvider(arn);
        }
    }

    @Override
    public OidcProvider findProviderByUrl(String url) {
        if (url == null || !url.contains("://")) {
            return null;
        }
        OidcProvider provider = providersByArn.get(names.providerArn(url));
        return provider != null && provider.url().equals(url) ? provider : null;
    }

    public Role createRole(String roleName, String path, String policy, int maxSessionDuration, String description) {
        return createRole(roleName, path, policy, maxSessionDuration, description, false);
    }

    /**
     * Creates a role; a {@code legacy} one is stored as a role created before 2025-06-06 would be: its trust policy
     * is checked without IAM's identity-provider controls, and its CreateDate is {@link #LEGACY_CREATE_DATE}.
     * {@link #updateAssumeRolePolicy} applies every check to any role, as IAM does on any modification.
     */
    public Role createRole(String roleName, String path, String policy, int maxSessionDuration, String description,
            boolean legacy) {
        (legacy ? legacyPolicyValidator : trustPolicyValidator).accept(policy);
        Instant created = legacy ? LEGACY_CREATE_DATE : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Role role = new Role(roleName, path, CredentialIds.roleId(), names.roleArn(path, roleName), policy,
                maxSessionDuration, description, created);
        if (rolesByName.putIfAbsent(roleName.toLowerCase(Locale.ROOT), role) != null) {
            throw new AwsServiceException("EntityAlreadyExists", 409, "Role with name " + roleName + " already exists.");
        }
        return role;
    }

    public Role role(String roleName) {
        Role role = roleName == null ? null : rolesByName.get(roleName.toLowerCase(Locale.ROOT));
        if (role == null) {
            throw noSuchRole(roleName);
        }
        return role;
    }

    public List<Role> roles() {
        return rolesByName.values().stream().sorted((a, b) -> a.roleName().compareTo(b.roleName())).toList();
    }

    public void updateAssumeRolePolicy(String roleName, String policy) {
        trustPolicyValidator.accept(policy);
        if (roleName == null || rolesByName.computeIfPresent(roleName.toLowerCase(Locale.ROOT),
                (k, r) -> r.withPolicy(policy)) == null) {
            throw noSuchRole(roleName);
        }
    }

    public void deleteRole(String roleName) {
        if (roleName == null || rolesByName.remove(roleName.toLowerCase(Locale.ROOT)) == null) {
            throw noSuchRole(roleName);
        }
    }

    @Override
    public Role findRoleByArn(String roleArn) {
        int slash = roleArn == null ? -1 : roleArn.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        Role role = rolesByName.get(roleArn.substring(slash + 1).toLowerCase(Locale.ROOT));
        return role != null && role.arn().equals(roleArn) ? role : null;
    }

    private static AwsServiceException noSuchProvider(String arn) {
        return AwsServiceException.noSuchEntity("OpenIDConnect Provider not found for arn " + arn);
    }

    private static AwsServiceException noSuchRole(String roleName) {
        return AwsServiceException.noSuchEntity("The role with name " + roleName + " cannot be found.");
    }
}
