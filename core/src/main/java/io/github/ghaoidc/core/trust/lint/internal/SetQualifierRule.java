package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.SetQualifier;
import io.github.ghaoidc.core.trust.lint.LintContext;
import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.Severity;
import java.util.ArrayList;
import java.util.List;

/** GHA006 (ForAllValues on a GitHub key) and GHA007 (ForAnyValue on a single-valued GitHub key). */
final class SetQualifierRule extends Rule {

    private final SetQualifier qualifier;

    private SetQualifierRule(String id, String title, SetQualifier qualifier) {
        super(id, title);
        this.qualifier = qualifier;
    }

    static SetQualifierRule forAllValues() {
        return new SetQualifierRule("GHA006", "ForAllValues on a GitHub OIDC key: true when the claim is absent",
                SetQualifier.FOR_ALL_VALUES);
    }

    static SetQualifierRule forAnyValue() {
        return new SetQualifierRule("GHA007", "ForAnyValue on a single-valued GitHub OIDC key", SetQualifier.FOR_ANY_VALUE);
    }

    @Override
    public List<LintFinding> check(LintContext context) {
        List<LintFinding> findings = new ArrayList<>();
        for (PolicyStatement statement : context.policy().statements()) {
            for (PolicyCondition condition : statement.conditions()) {
                if (!GitHubTerms.isGitHubKey(condition.key()) || condition.operator().qualifier() != qualifier
                        || condition.operator().base() == BaseOperator.NULL) {
                    continue;
                }
                BaseOperator base = condition.operator().base();
                String plain = base.jsonName();
                String claim = GitHubTerms.claim(condition.key());
                if (qualifier == SetQualifier.FOR_ALL_VALUES) {
                    findings.add(finding(Severity.WARNING, condition.path(),
                            "ForAllValues is true when the token has no " + claim + " claim at all"
                                    + (condition.operator().ifExists() ? " (with or without IfExists)" : "")
                                    + ", so jobs without it pass this condition; GitHub claims are single strings, so "
                                    + "the qualifier adds nothing",
                            "use plain " + plain + " (a missing claim then fails the condition)"));
                } else if (!"amr".equals(claim)) {
                    findings.add(finding(Severity.WARNING, condition.path(),
                            "ForAnyValue is for multivalued keys; " + claim + " is a single string, and with a "
                                    + "negated operator ForAnyValue reads differently from what it seems"
                                    + (condition.operator().ifExists() ? "; IfExists changes nothing here: ForAnyValue "
                                            + "is false when the claim is absent, so a job without " + claim
                                            + " fails this condition (observed on AWS)" : ""),
                            "use plain " + plain + (base.isNegated() ? " with \"Null\": {\"" + condition.key()
                                    + "\": \"false\"} (a missing claim fails ForAnyValue but passes plain " + plain + ")"
                                    : "")));
                }
            }
        }
        return findings;
    }
}
