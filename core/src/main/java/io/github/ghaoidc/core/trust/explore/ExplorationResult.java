package io.github.ghaoidc.core.trust.explore;

import io.github.ghaoidc.core.trust.Decision;
import java.util.Objects;

/**
 * How one {@link ExplorationCase} fared: the decision, the statement that decided it (for ALLOW and
 * EXPLICIT_DENY; {@code null} when no statement matched) and, in words, why.
 *
 * @param explorationCase the context tried
 * @param decision the engine's decision
 * @param decidingStatement e.g. {@code $.Statement[0] (DeployFromMain)}, or {@code null}
 * @param reason why, e.g. the condition that failed and the value the token carried
 */
public record ExplorationResult(ExplorationCase explorationCase, Decision decision, String decidingStatement,
        String reason) {

    public ExplorationResult {
        Objects.requireNonNull(explorationCase, "explorationCase");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the context may assume the role. */
    public boolean allowed() {
        return decision.isAllowed();
    }
}
