package io.github.ghaoidc.core.trust.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.ghaoidc.core.trust.TrustPolicy;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link LintRule} looks at: the parsed policy (its statements, conditions with JSON paths
 * and the duplicate keys the parser dropped), the raw JSON tree, and what the caller knows about
 * the OIDC provider. Immutable and thread-safe.
 */
public final class LintContext {

    private final TrustPolicy policy;
    private final List<String> audiences;

    LintContext(TrustPolicy policy, List<String> audiences) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.audiences = List.copyOf(audiences);
    }

    public TrustPolicy policy() {
        return policy;
    }

    /** The raw JSON tree (last occurrence of a duplicate kept), or {@code null} for a policy built in code. */
    public JsonNode json() {
        return policy.json();
    }

    /** The client IDs the OIDC provider lists, i.e. the audiences STS accepts. */
    public List<String> audiences() {
        return audiences;
    }
}
