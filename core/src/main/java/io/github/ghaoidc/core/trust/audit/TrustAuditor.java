package io.github.ghaoidc.core.trust.audit;

import io.github.ghaoidc.core.trust.audit.internal.RoleAuditor;
import io.github.ghaoidc.core.trust.lint.TrustPolicyLinter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Who can assume each role of an account, as the roles are: a pure function of the roles' trust policies and the
 * account's OIDC providers, with no call to AWS (the CLI's {@code trust audit} lists them through IAM and calls
 * this). For each role whose trust policy names a GitHub issuer's OIDC provider as {@code Federated} principal, it
 * evaluates generated workflow contexts, the exploration matrix of every owner and repository the policy names
 * plus an owner it does not, and reports the {@link Exposure}, whether pull requests, other branches, tags and
 * environments get in, whether the policy is {@code legacy} (IAM would refuse to save it today; STS still
 * evaluates it), whether the provider exists in the account, and the lint findings. A policy IAM would refuse to
 * save is evaluated all the same, as STS does. Immutable and thread-safe.
 *
 * <pre>{@code
 * AuditReport report = TrustAuditor.create().audit("123456789012",
 *         List.of(new AccountRole("deploy", "arn:aws:iam::123456789012:role/deploy", policyJson)),
 *         List.of(AccountProvider.of("arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com")));
 * }</pre>
 */
public final class TrustAuditor {

    private final TrustPolicyLinter linter;
    private final IntConsumer progress;

    private TrustAuditor(Builder builder) {
        this.linter = builder.linter;
        this.progress = builder.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An auditor with every built-in lint rule. */
    public static TrustAuditor create() {
        return builder().build();
    }

    public Builder toBuilder() {
        return new Builder().linter(linter).progress(progress);
    }

    /**
     * Audits {@code roles} of {@code account} against the account's {@code providers}.
     *
     * @param account the account ID, or null when not known (only printed)
     * @param roles the roles, with URL-decoded trust policies
     * @param providers every OIDC provider of the account; a role trusting a GitHub provider missing from this list
     *     cannot be assumed, and is reported so
     */
    public AuditReport audit(String account, Collection<AccountRole> roles, Collection<AccountProvider> providers) {
        RoleAuditor auditor = new RoleAuditor(linter, List.copyOf(providers));
        List<RoleAudit> audited = new ArrayList<>();
        int skipped = 0;
        int done = 0;
        for (AccountRole role : roles) {
            RoleAudit audit = auditor.audit(role);
            if (audit == null) {
                skipped++;
            } else {
                audited.add(audit);
            }
            progress.accept(++done);
        }
        return new AuditReport(account, audited, skipped);
    }

    @Override
    public String toString() {
        return "TrustAuditor[rules=" + linter.rules().size() + "]";
    }

    /** Builds a {@link TrustAuditor}. Not thread-safe. */
    public static final class Builder {
        private TrustPolicyLinter linter = TrustPolicyLinter.create();
        private IntConsumer progress = done -> { };

        private Builder() {
        }

        /**
         * The linter whose findings each role gets; its audiences are replaced by the client IDs of the providers
         * the role trusts. Default {@link TrustPolicyLinter#create()}.
         */
        public Builder linter(TrustPolicyLinter linter) {
            this.linter = Objects.requireNonNull(linter, "linter");
            return this;
        }

        /** Called with the number of roles done after each role, on the calling thread. Default: nothing. */
        public Builder progress(IntConsumer progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        public TrustAuditor build() {
            return new TrustAuditor(this);
        }
    }
}
