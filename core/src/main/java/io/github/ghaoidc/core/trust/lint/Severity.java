package io.github.ghaoidc.core.trust.lint;

/** How much a lint finding matters, most severe first. */
public enum Severity {
    /** IAM refuses the policy, or it admits workflows it plainly should not, or it can never match. */
    ERROR,
    /** The policy works but is looser or more fragile than it looks. */
    WARNING,
    /** Advice that hardens a policy which is already sound. */
    INFO;

    /** Whether this severity is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
