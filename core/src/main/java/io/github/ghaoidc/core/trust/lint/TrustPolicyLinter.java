package io.github.ghaoidc.core.trust.lint;

import io.github.ghaoidc.core.trust.TrustPolicy;
import io.github.ghaoidc.core.trust.lint.internal.Rules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Lints a role trust policy for the mistakes that let the wrong GitHub workflows in, or keep the
 * right ones out. Every finding has a stable rule id, a severity, a JSON path, the reason and a fix;
 * docs/lint-rules.md lists the rules. Immutable and thread-safe.
 *
 * <pre>{@code
 * List<LintFinding> findings = TrustPolicyLinter.create().lint(TrustPolicy.parse(json));
 * }</pre>
 */
public final class TrustPolicyLinter {

    /** GitHub's audience for AWS, as {@code aws-actions/configure-aws-credentials} requests it. */
    public static final String DEFAULT_AUDIENCE = "sts.amazonaws.com";

    private static final Comparator<LintFinding> ORDER = Comparator
            .comparing(LintFinding::severity)
            .thenComparing(LintFinding::ruleId)
            .thenComparing(LintFinding::path);

    private final List<LintRule> rules;
    private final List<String> audiences;

    private TrustPolicyLinter(Builder builder) {
        this.rules = List.copyOf(builder.rules);
        this.audiences = List.copyOf(builder.audiences);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A linter with every built-in rule and the audience {@value #DEFAULT_AUDIENCE}. */
    public static TrustPolicyLinter create() {
        return builder().build();
    }

    public Builder toBuilder() {
        return new Builder().rules(rules).audiences(audiences);
    }

    /** The built-in rules, in id order. */
    public static List<LintRule> defaultRules() {
        return Rules.all();
    }

    /** The rules this linter runs. */
    public List<LintRule> rules() {
        return rules;
    }

    /** Findings for {@code policy}, most severe first, then by rule id and path. */
    public List<LintFinding> lint(TrustPolicy policy) {
        LintContext context = new LintContext(policy, audiences);
        List<LintFinding> findings = new ArrayList<>();
        for (LintRule rule : rules) {
            findings.addAll(rule.check(context));
        }
        findings.sort(ORDER);
        return List.copyOf(findings);
    }

    /**
     * Parses and lints {@code json}.
     *
     * @throws io.github.ghaoidc.core.trust.PolicyParseException when the text is not a policy
     */
    public List<LintFinding> lint(String json) {
        return lint(TrustPolicy.parse(json));
    }

    @Override
    public String toString() {
        return "TrustPolicyLinter[rules=" + rules.size() + ", audiences=" + audiences + "]";
    }

    /** Builds a {@link TrustPolicyLinter}. Not thread-safe. */
    public static final class Builder {
        private List<LintRule> rules = Rules.all();
        private List<String> audiences = List.of(DEFAULT_AUDIENCE);

        private Builder() {
        }

        /** The rules to run; default {@link #defaultRules()}. */
        public Builder rules(List<LintRule> rules) {
            this.rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
            return this;
        }

        /**
         * The client IDs (audiences) the role's OIDC provider lists; an {@code aud} condition outside
         * them is reported. Default {@value #DEFAULT_AUDIENCE}.
         */
        public Builder audiences(List<String> audiences) {
            this.audiences = List.copyOf(Objects.requireNonNull(audiences, "audiences"));
            return this;
        }

        public TrustPolicyLinter build() {
            return new TrustPolicyLinter(this);
        }
    }
}
