package io.github.ghaoidc.core.trust.audit.internal;

import io.github.ghaoidc.core.claims.GitHubClaims;
import io.github.ghaoidc.core.claims.WorkflowContext;
import io.github.ghaoidc.core.trust.TrustRequest;
import io.github.ghaoidc.core.trust.explore.ContextMatrix;
import io.github.ghaoidc.core.trust.explore.ExplorationCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated workflow contexts of one audit, as ready-built requests, shared across the roles that need the
 * same ones (most roles of an account name the same few owners). Not thread-safe: one per audit run.
 */
final class ProbeCases {

    /** A context and the request it makes to a role of one account, through one issuer. */
    record Probe(String name, String description, String repository, String owner, TrustRequest request) {
    }

    private static final Instant ISSUED_AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final int MAX_CACHED = 4096;

    private final Map<String, List<Probe>> cache = new HashMap<>();

    /**
     * The exploration matrix of {@code repository} (less the cases about another audience or another issuer),
     * each as a request by {@code issuer} with {@code audience} to a role of {@code roleArn}'s account.
     */
    List<Probe> matrix(String repository, List<String> environments, String audience, String issuer, String roleArn) {
        String key = repository + '\n' + String.join(",", environments) + '\n' + audience + '\n' + issuer + '\n' + roleArn;
        List<Probe> probes = cache.get(key);
        if (probes == null) {
            probes = new ArrayList<>();
            ContextMatrix matrix = ContextMatrix.builder().repository(repository).environments(environments)
                    .audience(audience).issuedAt(ISSUED_AT).build();
            for (ExplorationCase c : matrix.cases()) {
                if (c.name().equals("other-audience") || c.name().equals("enterprise-issuer")) {
                    continue;
                }
                probes.add(probe(c.name(), c.description(), c.claims(), issuer, roleArn));
            }
            put(key, probes);
        }
        return probes;
    }

    /** {@code caller} running the reusable workflow {@code workflowRef} ({@code OWNER/REPO/PATH@REF}). */
    Probe reusableWorkflow(String caller, String workflowRef, String audience, String issuer, String roleArn) {
        String key = "reusable\n" + caller + '\n' + workflowRef + '\n' + audience + '\n' + issuer + '\n' + roleArn;
        List<Probe> probes = cache.get(key);
        if (probes == null) {
            WorkflowContext context = WorkflowContext.reusableWorkflow(caller, "main", workflowRef);
            Map<String, Object> claims = GitHubClaims.builder().context(context).audience(audience).issuedAt(ISSUED_AT)
                    .jwtId("audit-reusable").build().asMap();
            probes = List.of(probe("reusable-workflow", "job of " + caller + " calling " + workflowRef, claims, issuer,
                    roleArn));
            put(key, probes);
        }
        return probes.get(0);
    }

    private void put(String key, List<Probe> probes) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, List.copyOf(probes));
    }

    private static Probe probe(String name, String description, Map<String, Object> claims, String issuer,
            String roleArn) {
        TrustRequest request = TrustRequest.builder().claims(claims).issuer(issuer).roleArn(roleArn)
                .sessionName("GitHubActions").build();
        return new Probe(name, description, String.valueOf(claims.get("repository")),
                String.valueOf(claims.get("repository_owner")), request);
    }
}
