package io.github.ghaoidc.core.trust.lint;

import java.util.List;

/** One lint check over a trust policy. Implementations are stateless and thread-safe. */
public interface LintRule {

    /** Stable id, e.g. {@code GHA004}; never reused for another check. */
    String id();

    /** One line saying what the rule catches. */
    String title();

    /** The findings for {@code context}, in document order; empty when the policy is clean. */
    List<LintFinding> check(LintContext context);
}
