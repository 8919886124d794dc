package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.lint.LintRule;
import java.util.List;

/** The built-in lint rules, in id order. */
public final class Rules {

    private static final List<LintRule> ALL = List.of(
            new MissingPinRule(),
            GlobalWildcardRule.global(),
            GlobalWildcardRule.organization(),
            new PullRequestRule(),
            new ExactOperatorWildcardRule(),
            SetQualifierRule.forAllValues(),
            SetQualifierRule.forAnyValue(),
            new OptionalClaimRule(),
            new HiddenClaimRule(),
            new KeyPrefixRule(),
            new SchemeInKeyRule(),
            new OperatorNameRule(),
            new DuplicateKeyRule(),
            new PrincipalShapeRule(),
            new ActionRule(),
            new ProviderArnRule(),
            new AudienceRule(),
            new NameOnlySubjectRule(),
            new SubjectFormatRule(),
            new CustomSubjectRule(),
            new BranchPrefixRule(),
            new MutableWorkflowRefRule(),
            new NullOperatorRule(),
            new EmptyValuesRule(),
            new LiteralVariableRule(),
            new EnvironmentColonRule(),
            new HiddenLooseValueRule(),
            new IamRefusalRule());

    private Rules() {
    }

    public static List<LintRule> all() {
        return ALL;
    }
}
