package io.github.ghaoidc.core.trust.audit;

import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.List;
import java.util.Objects;

/**
 * What the audit found for one role that trusts a GitHub issuer. Immutable and thread-safe.
 *
 * @param name the role name
 * @param arn the role ARN
 * @param exposure who can assume the role today
 * @param latentExposure when the role trusts only GitHub providers the account does not have (so {@code exposure}
 *     is {@link Exposure#NOBODY}): who could assume it once such a provider is created; else null
 * @param owners owners any of whose repositories get in (for {@link Exposure#OWNERS}), or the named owners that
 *     get in otherwise
 * @param repositories the named repositories (or patterns) whose workflows get in
 * @param pullRequests whether a {@code pull_request} run of an admitted repository gets in
 * @param otherBranches whether a push to a branch other than the default one gets in
 * @param tags whether a tag push gets in
 * @param environments whether a job in a deployment environment gets in
 * @param admitted the generated contexts that got in, as {@code OWNER/REPO: description}
 * @param providers the GitHub OIDC provider ARNs the policy trusts
 * @param missingProviders those of {@code providers} that do not exist in the account
 * @param legacy whether IAM would refuse to save the policy today while the role keeps it (see
 *     {@link io.github.ghaoidc.core.trust.PolicyViolation#legacy()})
 * @param findings the lint findings, most severe first
 * @param notes what limits the judgement (e.g. conditions on numeric IDs the generated contexts do not carry)
 */
public record RoleAudit(String name, String arn, Exposure exposure, Exposure latentExposure, List<String> owners,
        List<String> repositories, boolean pullRequests, boolean otherBranches, boolean tags, boolean environments,
        List<String> admitted, List<String> providers, List<String> missingProviders, boolean legacy,
        List<LintFinding> findings, List<String> notes) {

    public RoleAudit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(exposure, "exposure");
        owners = List.copyOf(owners);
        repositories = List.copyOf(repositories);
        admitted = List.copyOf(admitted);
        providers = List.copyOf(providers);
        missingProviders = List.copyOf(missingProviders);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** Whether some finding is at least as severe as {@code threshold}. */
    public boolean hasFindingAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().compareTo(threshold) <= 0);
    }

    @Override
    public String toString() {
        return "RoleAudit[" + arn + ", exposure=" + exposure.jsonName() + ", findings=" + findings.size() + "]";
    }
}
