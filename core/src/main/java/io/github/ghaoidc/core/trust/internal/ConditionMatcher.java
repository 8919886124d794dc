package io.github.ghaoidc.core.trust.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.ConditionOperator;
import io.github.ghaoidc.core.trust.SetQualifier;
import java.util.List;
import java.util.Locale;

/**
 * One condition compiled once: its operator, lower-cased key and value matchers. Evaluation follows
 * IAM: values OR-ed (NOR for a negated operator), missing-key rules per operator, {@code IfExists},
 * set qualifiers, policy variables resolved per request (a value whose variable has neither a value
 * nor a default matches nothing).
 */
public final class ConditionMatcher {
    private final ConditionOperator operator;
    private final BaseOperator base;
    private final String keyLower;
    private final List<String> values;
    private final ValueMatcher[] matchers;
    private final ValueTemplate[] templates;
    private final boolean hasTemplates;

    private ConditionMatcher(ConditionOperator operator, String key, List<String> values, boolean variables) {
        this.operator = operator;
        this.base = operator.base();
        this.keyLower = key.toLowerCase(Locale.ROOT);
        this.values = values;
        this.matchers = new ValueMatcher[values.size()];
        this.templates = new ValueTemplate[values.size()];
        boolean any = false;
        for (int i = 0; i < values.size(); i++) {
            if (base == null || base == BaseOperator.NULL) {
                matchers[i] = ValueMatcher.NEVER;
                continue;
            }
            ValueTemplate t = variables && base.acceptsPolicyVariables() ? ValueTemplate.parse(values.get(i)) : null;
            if (t != null) {
                templates[i] = t;
                any = true;
            } else {
                matchers[i] = ValueMatcher.compile(base, values.get(i), null);
            }
        }
        this.hasTemplates = any;
    }

    public static ConditionMatcher compile(ConditionOperator operator, String key, List<String> values,
            boolean variables) {
        return new ConditionMatcher(operator, key, values, variables);
    }

    public String keyLower() {
        return keyLower;
    }

    /** Whether the condition holds for the request. */
    public boolean evaluate(RequestContext ctx) {
        if (base == null) {
            return false;
        }
        List<String> request = ctx.values(keyLower);
        if (base == BaseOperator.NULL) {
            return nullHolds(request != null);
        }
        if (request == null) {
            return absentResult();
        }
        return combine(request, hasTemplates ? resolve(ctx) : matchers);
    }

    /** The result when the key is absent (or has no value). */
    public boolean absentResult() {
        return operator.holdsWhenKeyAbsent();
    }

    /** Null: {@code "true"} holds when the key is absent, {@code "false"} when present; values OR-ed. */
    public boolean nullHolds(boolean present) {
        for (String v : values) {
            if (v.equalsIgnoreCase("true") && !present || v.equalsIgnoreCase("false") && present) {
                return true;
            }
        }
        return false;
    }

    /** Matchers with variables substituted; a value whose variable has no value and no default never matches. */
    public ValueMatcher[] resolve(RequestContext ctx) {
        ValueMatcher[] out = new ValueMatcher[matchers.length];
        for (int i = 0; i < out.length; i++) {
            if (templates[i] == null) {
                out[i] = matchers[i];
                continue;
            }
            ValueTemplate.Resolved r = templates[i].resolve(ctx);
            out[i] = r == null ? ValueMatcher.NEVER : ValueMatcher.compile(base, r.text(), r.literal());
        }
        return out;
    }

    private boolean combine(List<String> request, ValueMatcher[] m) {
        boolean negated = base.isNegated();
        SetQualifier q = operator.qualifier();
        boolean all = q == SetQualifier.FOR_ALL_VALUES || q == SetQualifier.NONE && negated;
        for (int i = 0, n = request.size(); i < n; i++) {
            boolean satisfied = anyMatch(request.get(i), m) != negated;
            if (all && !satisfied) {
                return false;
            }
            if (!all && satisfied) {
                return true;
            }
        }
        return all;
    }

    static boolean anyMatch(String requestValue, ValueMatcher[] m) {
        for (ValueMatcher matcher : m) {
            if (matcher.matches(requestValue)) {
                return true;
            }
        }
        return false;
    }
}
