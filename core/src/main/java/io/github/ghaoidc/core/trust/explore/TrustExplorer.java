package io.github.ghaoidc.core.trust.explore;

import io.github.ghaoidc.core.trust.Explanation;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.TrustEvaluator;
import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.TrustRequest;
import io.github.ghaoidc.core.trust.explore.internal.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers "who can assume this role?" by evaluating a policy against every context of a
 * {@link ContextMatrix}. Immutable and thread-safe.
 *
 * <pre>{@code
 * ExplorationReport report = TrustExplorer.create()
 *         .explore(TrustPolicy.parse(json), ContextMatrix.builder().repository("octo-org/octo-repo").build());
 * System.out.print(report.toText());
 * }</pre>
 */
public final class TrustExplorer {

    private static final Pattern PROVIDER = Pattern.compile("arn:([a-z-]+):iam::(\\d{12}):oidc-provider/.*");

    private final String roleArn;
    private final TrustEvaluator evaluator;

    private TrustExplorer(Builder builder) {
        this.roleArn = builder.roleArn;
        this.evaluator = TrustEvaluator.create();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An explorer that takes the role's account from the policy's provider ARN. */
    public static TrustExplorer create() {
        return builder().build();
    }

    public Builder toBuilder() {
        return new Builder().roleArn(roleArn);
    }

    /** Evaluates every context of {@code matrix} against {@code policy}. */
    public ExplorationReport explore(TrustPolicy policy, ContextMatrix matrix) {
        String role = roleArn != null ? roleArn : roleArnFor(policy);
        List<ExplorationResult> results = new ArrayList<>();
        for (ExplorationCase c : matrix.cases()) {
            TrustRequest request = TrustRequest.builder().claims(c.claims()).issuer(c.issuer()).roleArn(role)
                    .sessionName("GitHubActions").build();
            Explanation explanation = evaluator.explain(policy, request);
            results.add(new ExplorationResult(c, explanation.decision(), Reasons.decidingStatement(explanation),
                    Reasons.reason(explanation)));
        }
        return new ExplorationReport(matrix.repository(), role, results);
    }

    /** A role in the account (and partition) of the first OIDC provider the policy names. */
    static String roleArnFor(TrustPolicy policy) {
        for (PolicyStatement statement : policy.statements()) {
            if (statement.principal() == null) {
                continue;
            }
            for (String federated : statement.principal().valuesOf("Federated")) {
                Matcher m = PROVIDER.matcher(federated);
                if (m.matches()) {
                    return "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/explored-role";
                }
            }
        }
        return TrustRequest.DEFAULT_ROLE_ARN;
    }

    @Override
    public String toString() {
        return "TrustExplorer[roleArn=" + (roleArn == null ? "from policy" : roleArn) + "]";
    }

    /** Builds a {@link TrustExplorer}. Not thread-safe. */
    public static final class Builder {
        private String roleArn;

        private Builder() {
        }

        /**
         * The role the contexts ask for (its account and partition must match the provider ARN).
         * Default: a role in the account of the first OIDC provider ARN in the policy.
         */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        public TrustExplorer build() {
            return new TrustExplorer(this);
        }
    }
}
