package io.github.ghaoidc.core.trust.audit;

import java.util.Locale;

/** Who can assume a role, judged from generated workflow contexts. */
public enum Exposure {
    /** A workflow of an owner the policy names nowhere gets in: any GitHub user can assume the role. */
    ANYONE,
    /** Any repository of the listed owners gets in, also ones the policy does not name. */
    OWNERS,
    /** Only the named repositories (or repository patterns) get in. */
    REPOSITORIES,
    /** No generated context gets in, or the role trusts no OIDC provider that exists in the account. */
    NOBODY,
    /** The trust policy could not be read, so nothing can be said. */
    UNKNOWN;

    /** The lower-case name used in JSON, text and Markdown. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
