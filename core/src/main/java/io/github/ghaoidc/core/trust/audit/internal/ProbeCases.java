package io.github.ghaoidc.core.trust.audit.internal;

import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.core.trust.TrustRequest;
import io.github.ghaoidc.core.trust.explore.ContextMatrix;
import io.github.ghaoidc.core.trust.explore.ExplorationCase;
import io.github.ghaoidc.core.trust.internal.RequestContextFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generated workflow contexts of one audit, as ready-built requests. The exploration matrix is generated once
 * (per environments, audience, issuer and account) for a placeholder repository, keeping only the claims AWS puts
 * in the request context; the matrix of a real repository is that template with the owner and name written in.
 * Numeric IDs are therefore the template's for every repository: they match no real repository either way.
 * Not thread-safe: one per audit run.
 */
final class ProbeCases {

    /** A context and the request it makes to a role of one account, through one issuer. */
    record Probe(String name, String description, String repository, String owner, TrustRequest request) {
    }

    /** Which cases of the matrix to try for a repository. */
    enum Kind {
        /** Every case: for the repositories a policy names, and for the outsider. */
        FULL,
        /** What tells whether any repository of an owner gets in: for an owner's placeholder repository. */
        OWNER
    }

    private static final String OWNER = "gha-oidc-template-owner";
    private static final String NAME = "gha-oidc-template-repo";
    private static final String TEMPLATE = OWNER + "/" + NAME;
    private static final Instant ISSUED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final Set<String> SKIPPED = Set.of("other-audience", "enterprise-issuer", "renamed-repo");
    private static final Set<String> OWNER_CASES = Set.of("push-default-branch", "push-other-branch", "push-tag",
            "pull-request", "workflow-dispatch", "schedule", "reusable-workflow-other-repo", "immutable-subject");
    private static final int MAX_CACHED = 8192;

    private final Map<String, List<ExplorationCase>> templates = new HashMap<>();
    private final Map<String, List<Probe>> probes = new HashMap<>();

    /**
     * The exploration matrix of {@code repository} (less the cases about another audience, another issuer or a
     * renamed repository), each as a request by {@code issuer} with {@code audience} to a role of {@code roleArn}'s
     * account.
     */
    List<Probe> matrix(String repository, Kind kind, List<String> environments, String audience, String issuer,
            String roleArn) {
        String base = String.join(",", environments) + '\n' + audience + '\n' + issuer + '\n' + roleArn;
        String key = repository + '\n' + kind + '\n' + base;
        List<Probe> out = probes.get(key);
        if (out == null) {
            List<ExplorationCase> template = templates.computeIfAbsent(base, b -> template(environments, audience));
            String owner = repository.substring(0, repository.indexOf('/'));
            String name = repository.substring(repository.indexOf('/') + 1);
            out = new ArrayList<>();
            for (ExplorationCase c : template) {
                if (kind == Kind.OWNER && !OWNER_CASES.contains(c.name()) && !c.name().startsWith("environment-")) {
                    continue;
                }
                Map<String, Object> claims = new LinkedHashMap<>();
                c.claims().forEach((k, v) -> claims.put(k, v instanceof String s ? rewrite(s, owner, name) : v));
                out.add(probe(c.name(), rewrite(c.description(), owner, name), claims, issuer, roleArn));
            }
            put(probes, key, List.copyOf(out));
        }
        return out;
    }

    /** {@code caller} running the reusable workflow {@code workflowRef} ({@code OWNER/REPO/PATH@REF}). */
    Probe reusableWorkflow(String caller, String workflowRef, String audience, String issuer, String roleArn) {
        String key = "reusable\n" + caller + '\n' + workflowRef + '\n' + audience + '\n' + issuer + '\n' + roleArn;
        List<Probe> out = probes.get(key);
        if (out == null) {
            WorkflowContext context = WorkflowContext.reusableWorkflow(caller, "main", workflowRef);
            Map<String, Object> claims = exposed(GitHubClaims.builder().context(context).audience(audience)
                    .issuedAt(ISSUED_AT).jwtId("audit-reusable").build().asMap());
            out = List.of(probe("reusable-workflow", "job of " + caller + " calling " + workflowRef, claims, issuer,
                    roleArn));
            put(probes, key, out);
        }
        return out.get(0);
    }

    private static List<ExplorationCase> template(List<String> environments, String audience) {
        List<ExplorationCase> out = new ArrayList<>();
        for (ExplorationCase c : ContextMatrix.builder().repository(TEMPLATE).environments(environments)
                .audience(audience).issuedAt(ISSUED_AT).build().cases()) {
            if (!SKIPPED.contains(c.name())) {
                out.add(c.toBuilder().claims(exposed(c.claims())).build());
            }
        }
        return List.copyOf(out);
    }

    /** Only the claims AWS can put in the request context (and the repository owner, for the report). */
    private static Map<String, Object> exposed(Map<String, Object> claims) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String claim : RequestContextFactory.OIDC_CLAIMS) {
            copy(claims, out, claim);
        }
        for (String claim : RequestContextFactory.GITHUB_CLAIMS) {
            copy(claims, out, claim);
        }
        copy(claims, out, "iss");
        copy(claims, out, "repository_owner");
        return out;
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String claim) {
        if (from.containsKey(claim)) {
            to.put(claim, from.get(claim));
        }
    }

    private static String rewrite(String value, String owner, String name) {
        if (value.indexOf(OWNER) < 0) {
            return value;
        }
        return value.replace(TEMPLATE, owner + "/" + name).replace(OWNER, owner).replace(NAME, name);
    }

    private static <V> void put(Map<String, V> cache, String key, V value) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, value);
    }

    private static Probe probe(String name, String description, Map<String, Object> claims, String issuer,
            String roleArn) {
        TrustRequest request = TrustRequest.builder().claims(claims).issuer(issuer).roleArn(roleArn)
                .sessionName("GitHubActions").build();
        return new Probe(name, description, String.valueOf(claims.get("repository")),
                String.valueOf(claims.get("repository_owner")), request);
    }
}
