package io.github.ghaoidc.emulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The config file's AWS sections: {@code aws} (the account), {@code providers} and {@code roles}. */
public final class AwsJson {

    private AwsJson() {
    }

    /**
     * {@code aws}: the emulated account. Any field may be omitted.
     *
     * @param accountId                12 digits (default 123456789012)
     * @param partition                default {@code aws}
     * @param clockSkewSeconds         tolerated token clock skew (default 60)
     * @param maxTokenAgeSeconds       oldest {@code iat} accepted (default 86400)
     * @param allowLoopbackHttpIssuers allow {@code http://127.0.0.1:port} providers (default false)
     * @param upstream                 gateway mode: the upstream AWS endpoint URL (default none)
     * @param issuerLocations          issuer URL → base URL where its discovery/JWKS are served (default none)
     */
    public record Account(String accountId, String partition, Long clockSkewSeconds, Long maxTokenAgeSeconds,
            Boolean allowLoopbackHttpIssuers, String upstream, Map<String, String> issuerLocations) {
    }

    /** {@code providers[]}: an IAM OIDC provider. */
    public record Provider(String url, List<String> clientIds, List<String> thumbprints) {
    }

    /**
     * {@code roles[]}: an IAM role whose trust policy is given inline ({@code trustPolicy}, a JSON object or a
     * string) or as a file ({@code trustPolicyFile}, relative to the config file); {@code legacy: true} declares
     * it as created before IAM's 2025-06-06 identity-provider controls (see {@code RoleDefinition.Builder#legacy}).
     */
    public record Role(String name, String path, JsonNode trustPolicy, String trustPolicyFile,
            Integer maxSessionDuration, String description, Boolean legacy) {
    }
}
