package io.github.ghaoidc.emulator.config;

import java.util.List;

/**
 * The JSON config file, one record component per top-level section. Every section is optional. To add a
 * section: add a component here and its name to {@link ConfigLoader#SECTIONS}.
 *
 * <pre>{@code
 * {
 *   "server":     {"host": "127.0.0.1", "port": 8080},
 *   "issuer":     {"url": "self", "jwksLayout": "root"},
 *   "tokens":     {"lifetimeSeconds": 300, "notBeforeSkewSeconds": 300},
 *   "keys":       {"file": "keys.json", "count": 2, "activeKid": null},
 *   "defaultJob": {"repository": "octo-org/app", "branch": "main"},
 *   "jobs":       [{"id": "deploy", "context": {"repository": "octo-org/app", "environment": "prod"}}],
 *   "aws":        {"accountId": "123456789012", "partition": "aws", "upstream": null},
 *   "providers":  [{"url": "https://token.actions.githubusercontent.com", "clientIds": ["sts.amazonaws.com"]}],
 *   "roles":      [{"name": "GitHubActionsRole", "trustPolicyFile": "trust.json", "maxSessionDuration": 3600}]
 * }
 * }</pre>
 */
public record EmulatorConfig(Server server, Issuer issuer, Tokens tokens, Keys keys, WorkflowContextJson defaultJob,
                             List<JobJson> jobs, AwsJson.Account aws, List<AwsJson.Provider> providers,
                             List<AwsJson.Role> roles) {

    /** {@code server}: where to listen. */
    public record Server(String host, Integer port) {
    }

    /** {@code issuer}: {@code url} is {@code self}, {@code github} or an issuer URL; {@code jwksLayout} {@code root}|{@code per-slug}. */
    public record Issuer(String url, String jwksLayout) {
    }

    /** {@code tokens}: ID-token lifetime, not-before skew and default job (request-token) lifetime, in seconds. */
    public record Tokens(Long lifetimeSeconds, Long notBeforeSkewSeconds, Long jobLifetimeSeconds) {
    }

    /** {@code keys}: private JWK set file (created if absent), key count, active kid. */
    public record Keys(String file, Integer count, String activeKid) {
    }

    /** {@code jobs[]}: a job id, its workflow context and its request token's lifetime in seconds. */
    public record JobJson(String id, WorkflowContextJson context, Long lifetimeSeconds) {
    }

    /** An empty configuration (all defaults). */
    public static EmulatorConfig empty() {
        return new EmulatorConfig(null, null, null, null, null, null, null, null, null);
    }
}
