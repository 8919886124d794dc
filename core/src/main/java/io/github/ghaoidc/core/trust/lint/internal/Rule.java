package io.github.ghaoidc.core.trust.lint.internal;

import io.github.ghaoidc.core.trust.lint.LintFinding;
import io.github.ghaoidc.core.trust.lint.LintRule;
import io.github.ghaoidc.core.trust.lint.Severity;

/** Base of the built-in rules: id, title and a finding factory. */
abstract class Rule implements LintRule {

    private final String id;
    private final String title;

    Rule(String id, String title) {
        this.id = id;
        this.title = title;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    final LintFinding finding(Severity severity, String path, String message, String fix) {
        return LintFinding.builder().ruleId(id).severity(severity).path(path).message(message).fix(fix).build();
    }

    @Override
    public String toString() {
        return id + " " + title;
    }
}
