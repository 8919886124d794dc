package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.ConditionOperator;

/** How far a {@code sub} or {@code job_workflow_ref} value reaches, judged with probe subjects. */
final class SubjectScope {

    static final String STRANGER = "zz-stranger-org";

    enum Reach { ALL, ORGANIZATION, NARROW }

    private SubjectScope() {
    }

    /** Whether the value admits workflows of any owner (a stranger's repository). */
    static boolean admitsEveryone(ConditionOperator operator, String claim, String value) {
        for (String probe : strangerProbes(claim)) {
            if (GitHubTerms.admits(operator, value, probe)) {
                return true;
            }
        }
        return false;
    }

    /** ALL for any owner, ORGANIZATION for any repository of the value's owner, else NARROW. */
    static Reach reach(ConditionOperator operator, String claim, String value) {
        if (admitsEveryone(operator, claim, value)) {
            return Reach.ALL;
        }
        String owner = owner(claim, value);
        if (owner != null) {
            String probe = "sub".equals(claim)
                    ? "repo:" + owner + "/zz-other-repo:ref:refs/heads/main"
                    : owner + "/zz-other-repo/.github/workflows/deploy.yml@refs/heads/main";
            if (GitHubTerms.admits(operator, value, probe)) {
                return Reach.ORGANIZATION;
            }
        }
        return Reach.NARROW;
    }

    /** The literal owner a {@code repo:OWNER/…} or {@code OWNER/REPO/…} value names, or null. */
    static String owner(String claim, String value) {
        String rest = "sub".equals(claim) ? (value.startsWith("repo:") ? value.substring(5) : null) : value;
        if (rest == null) {
            return null;
        }
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return null;
        }
        String owner = rest.substring(0, slash);
        return owner.contains("*") || owner.contains("?") ? null : owner;
    }

    /** Whether a Like value has a wildcard inside the owner name ({@code repo:octo-org*}/…). */
    static boolean wildOwner(ConditionOperator operator, String claim, String value) {
        if (!GitHubTerms.isLike(operator)) {
            return false;
        }
        String rest = "sub".equals(claim) ? (value.startsWith("repo:") ? value.substring(5) : null) : value;
        if (rest == null) {
            return false;
        }
        int slash = rest.indexOf('/');
        String owner = slash < 0 ? rest : rest.substring(0, slash);
        return owner.indexOf('*') >= 0 || owner.indexOf('?') >= 0;
    }

    private static String[] strangerProbes(String claim) {
        if ("sub".equals(claim)) {
            return new String[] {"repo:" + STRANGER + "/zz-repo:ref:refs/heads/main",
                "repo:" + STRANGER + "/zz-repo:pull_request",
                "repo:" + STRANGER + "/zz-repo:environment:production"};
        }
        if ("job_workflow_ref".equals(claim)) {
            return new String[] {STRANGER + "/zz-repo/.github/workflows/deploy.yml@refs/heads/main"};
        }
        return new String[] {STRANGER};
    }
}
