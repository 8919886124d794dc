package io.github.ghaoidc.core.claims;

import java.util.List;
import java.util.Objects;

/**
 * How the {@code sub} claim is built: GitHub's default rule, or an {@code include_claim_keys} template
 * as set by {@code PUT /orgs/{org}/actions/oidc/customization/sub} or the repository-level
 * {@code use_default}/{@code include_claim_keys}; plus the (undocumented) {@code pull_request_target}
 * behaviour. Immutable and thread-safe.
 */
public final class SubjectCustomization {

    /** What the default rule emits for {@code pull_request_target} events. */
    public enum PullRequestTargetSubject {
        /** {@code repo:OWNER/REPO:pull_request} (the default). */
        PULL_REQUEST,
        /** {@code repo:OWNER/REPO:ref:refs/heads/BASE}, like a push to the base branch. */
        REF
    }

    private static final SubjectCustomization DEFAULT =
            new SubjectCustomization(true, List.of(), PullRequestTargetSubject.PULL_REQUEST);

    private final boolean useDefault;
    private final List<String> includeClaimKeys;
    private final PullRequestTargetSubject pullRequestTarget;

    private SubjectCustomization(boolean useDefault, List<String> includeClaimKeys,
                                 PullRequestTargetSubject pullRequestTarget) {
        this.useDefault = useDefault;
        this.includeClaimKeys = List.copyOf(includeClaimKeys);
        this.pullRequestTarget = Objects.requireNonNull(pullRequestTarget, "pullRequestTarget");
        if (!useDefault) {
            Subjects.validateClaimKeys(this.includeClaimKeys);
        }
    }

    /** GitHub's default subject ({@code use_default: true}). */
    public static SubjectCustomization useDefault() {
        return DEFAULT;
    }

    /**
     * A template: {@code sub} becomes {@code key:value} pairs in this order joined by {@code :}; key
     * {@code repo} renders {@code repo:OWNER/REPO}, key {@code context} the default context.
     *
     * @throws IllegalArgumentException when the list is empty or names a key GitHub does not accept
     */
    public static SubjectCustomization includeClaimKeys(List<String> keys) {
        return new SubjectCustomization(false, keys, PullRequestTargetSubject.PULL_REQUEST);
    }

    /** Same as {@link #includeClaimKeys(List)}. */
    public static SubjectCustomization includeClaimKeys(String... keys) {
        return includeClaimKeys(List.of(keys));
    }

    /** A copy with the given {@code pull_request_target} behaviour. */
    public SubjectCustomization withPullRequestTarget(PullRequestTargetSubject behaviour) {
        return new SubjectCustomization(useDefault, includeClaimKeys, behaviour);
    }

    public boolean isDefault() {
        return useDefault;
    }

    /** The template keys; empty when {@link #isDefault()}. */
    public List<String> claimKeys() {
        return includeClaimKeys;
    }

    public PullRequestTargetSubject pullRequestTarget() {
        return pullRequestTarget;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubjectCustomization other && useDefault == other.useDefault
                && includeClaimKeys.equals(other.includeClaimKeys) && pullRequestTarget == other.pullRequestTarget;
    }

    @Override
    public int hashCode() {
        return Objects.hash(useDefault, includeClaimKeys, pullRequestTarget);
    }

    @Override
    public String toString() {
        return "SubjectCustomization[" + (useDefault ? "use_default" : "include_claim_keys=" + includeClaimKeys)
                + ", pull_request_target=" + pullRequestTarget + "]";
    }
}
