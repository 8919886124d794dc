package io.github.ghaoidc.emulator.config.internal;

import io.github.ghaoidc.emulator.GitHubOidcEmulator;
import io.github.ghaoidc.emulator.aws.AwsEmulation;
import io.github.ghaoidc.emulator.aws.AwsEmulationException;
import io.github.ghaoidc.emulator.aws.OidcProviderDefinition;
import io.github.ghaoidc.emulator.aws.RoleDefinition;
import io.github.ghaoidc.emulator.config.AwsJson;
import io.github.ghaoidc.emulator.config.ConfigException;
import io.github.ghaoidc.emulator.config.EmulatorConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Applies the {@code aws}, {@code providers} and {@code roles} sections to an emulator builder, checking each
 * provider and role as IAM would (so {@code serve --config} fails fast, naming the entry).
 */
final class AwsConfigApplier {

    private final EmulatorConfig config;
    private final Path baseDir;

    AwsConfigApplier(EmulatorConfig config, Path baseDir) {
        this.config = config;
        this.baseDir = baseDir;
    }

    void applyTo(GitHubOidcEmulator.Builder builder) {
        List<AwsJson.Provider> providers = config.providers() == null ? List.of() : config.providers();
        List<AwsJson.Role> roles = config.roles() == null ? List.of() : config.roles();
        if (config.aws() == null && providers.isEmpty() && roles.isEmpty()) {
            return;
        }
        AwsEmulation.Builder account = account(config.aws());
        // checks each declaration as IAM would, locally (never against an upstream)
        AwsEmulation probe = account.copy().upstream(null).build();
        builder.aws(account);
        for (int i = 0; i < providers.size(); i++) {
            OidcProviderDefinition provider = provider(providers.get(i), "providers[" + i + "]");
            declare(() -> probe.createOpenIdConnectProvider(provider), "providers[" + i + "]");
            builder.awsOidcProvider(provider);
        }
        for (int i = 0; i < roles.size(); i++) {
            RoleDefinition role = role(roles.get(i), "roles[" + i + "]");
            declare(() -> probe.createRole(role), "roles[" + i + "]");
            builder.awsRole(role);
        }
    }

    private static void declare(Runnable declaration, String where) {
        try {
            declaration.run();
        } catch (AwsEmulationException e) {
            throw new ConfigException(where + ": " + e.getMessage(), e);
        }
    }

    private static AwsEmulation.Builder account(AwsJson.Account json) {
        AwsEmulation.Builder account = AwsEmulation.builder();
        if (json == null) {
            return account;
        }
        try {
            if (json.accountId() != null) {
                account.accountId(json.accountId());
            }
            if (json.partition() != null) {
                account.partition(json.partition());
            }
            if (json.clockSkewSeconds() != null) {
                account.clockSkew(Duration.ofSeconds(json.clockSkewSeconds()));
            }
            if (json.maxTokenAgeSeconds() != null) {
                account.maxTokenAge(Duration.ofSeconds(json.maxTokenAgeSeconds()));
            }
            if (json.allowLoopbackHttpIssuers() != null) {
                account.allowLoopbackHttpIssuers(json.allowLoopbackHttpIssuers());
            }
            if (json.upstream() != null) {
                URI upstream = URI.create(json.upstream());
                if (!"http".equals(upstream.getScheme()) && !"https".equals(upstream.getScheme())) {
                    throw new IllegalArgumentException("upstream must be an http(s) URL like http://localhost:4566, "
                            + "got: " + json.upstream());
                }
                account.upstream(upstream);
            }
            if (json.issuerLocations() != null) {
                json.issuerLocations().forEach((issuer, at) -> account.issuerLocation(issuer, URI.create(at)));
            }
            account.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigException("aws: " + e.getMessage(), e);
        }
        return account;
    }

    private static OidcProviderDefinition provider(AwsJson.Provider json, String where) {
        if (json == null || json.url() == null) {
            throw new ConfigException(where + ".url is required, e.g. https://token.actions.githubusercontent.com");
        }
        return OidcProviderDefinition.builder().url(json.url())
                .clientIds(json.clientIds() == null ? List.of() : json.clientIds())
                .thumbprints(json.thumbprints() == null ? List.of() : json.thumbprints()).build();
    }

    private RoleDefinition role(AwsJson.Role json, String where) {
        if (json == null || json.name() == null) {
            throw new ConfigException(where + ".name is required, e.g. GitHubActionsRole");
        }
        if ((json.trustPolicy() == null) == (json.trustPolicyFile() == null)) {
            throw new ConfigException(where + ": set exactly one of trustPolicy (inline JSON) or trustPolicyFile");
        }
        String policy = json.trustPolicy() != null
                ? json.trustPolicy().isTextual() ? json.trustPolicy().asText() : json.trustPolicy().toString()
                : readPolicy(json.trustPolicyFile(), where);
        RoleDefinition.Builder role = RoleDefinition.builder().roleName(json.name())
                .assumeRolePolicyDocument(policy).description(json.description())
                .legacy(Boolean.TRUE.equals(json.legacy()));
        if (json.path() != null) {
            role.path(json.path());
        }
        if (json.maxSessionDuration() != null) {
            role.maxSessionDuration(json.maxSessionDuration());
        }
        return role.build();
    }

    private String readPolicy(String file, String where) {
        Path path = Path.of(file);
        Path resolved = baseDir == null || path.isAbsolute() ? path : baseDir.resolve(path);
        try {
            return Files.readString(resolved);
        } catch (NoSuchFileException e) {
            throw new ConfigException(where + ".trustPolicyFile " + resolved + " does not exist", e);
        } catch (IOException e) {
            throw new ConfigException(where + ".trustPolicyFile " + resolved + " cannot be read: " + e.getMessage(), e);
        }
    }
}
