package io.github.ghaoidc.core.trust.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import io.github.ghaoidc.core.trust.ConditionExplanation;
import io.github.ghaoidc.core.trust.ConditionOperator;
import io.github.ghaoidc.core.trust.PolicyCondition;
import io.github.ghaoidc.core.trust.PolicyValueCheck;
import io.github.ghaoidc.core.trust.SetQualifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Explains one condition: the request's values, each policy value's result, and why in words. */
final class ConditionExplainer {
    private ConditionExplainer() {
    }

    static ConditionExplanation explain(PolicyCondition c, ConditionMatcher m, RequestContext ctx) {
        boolean satisfied = m.evaluate(ctx);
        List<String> request = ctx.values(m.keyLower());
        boolean present = request != null;
        List<String> requestValues = present ? request : List.of();
        ConditionOperator op = c.operator();
        List<PolicyValueCheck> checks = new ArrayList<>();
        String note = "";
        if (!op.isRecognised()) {
            note = "IAM does not recognise the operator " + op.raw() + "; the condition is never satisfied";
            c.values().forEach(v -> checks.add(new PolicyValueCheck(v, v, false)));
        } else if (op.base() == BaseOperator.NULL) {
            for (String v : c.values()) {
                boolean hit = v.equalsIgnoreCase("true") && !present || v.equalsIgnoreCase("false") && present;
                checks.add(new PolicyValueCheck(v, v, hit));
            }
            note = present ? "key present" : "key absent" + absentHint(c.key(), ctx);
        } else {
            ValueMatcher[] resolved = m.resolve(ctx);
            boolean unresolved = false;
            for (int i = 0; i < c.values().size(); i++) {
                boolean hit = false;
                for (String r : requestValues) {
                    hit |= resolved[i].matches(r);
                }
                String text = resolvedText(c, i, ctx);
                unresolved |= text == null;
                checks.add(new PolicyValueCheck(c.values().get(i), text, hit));
            }
            if (!present) {
                note = absentRule(op) + absentHint(c.key(), ctx);
            } else if (op.isNegated()) {
                note = "negated operator: satisfied only when no policy value matches";
            }
            if (unresolved) {
                note = (note.isEmpty() ? "" : note + "; ")
                        + "a policy variable has no value in this request and no default: that value matches nothing";
            }
        }
        return new ConditionExplanation(c.path(), op.raw(), c.key(), present, requestValues, checks, satisfied, note);
    }

    private static String resolvedText(PolicyCondition c, int i, RequestContext ctx) {
        String v = c.values().get(i);
        if (!c.policyVariables() || !c.operator().base().acceptsPolicyVariables()) {
            return v;
        }
        ValueTemplate t = ValueTemplate.parse(v);
        if (t == null) {
            return v;
        }
        ValueTemplate.Resolved r = t.resolve(ctx);
        return r == null ? null : r.text();
    }

    private static String absentRule(ConditionOperator op) {
        if (op.qualifier() == SetQualifier.FOR_ANY_VALUE) {
            return "key absent: ForAnyValue is not satisfied when the key is absent"
                    + (op.ifExists() ? " (the set qualifier decides; IfExists does not rescue it)" : "");
        }
        if (op.qualifier() == SetQualifier.FOR_ALL_VALUES) {
            return "key absent: ForAllValues is satisfied when the key is absent or empty";
        }
        if (op.ifExists()) {
            return "key absent: " + op.raw() + " is satisfied when the key is absent";
        }
        if (op.isNegated()) {
            return "key absent: a negated operator is satisfied when the key is absent";
        }
        return "key absent: the request has no value for this key";
    }

    private static String absentHint(String key, RequestContext ctx) {
        int colon = key.lastIndexOf(':');
        if (colon < 0) {
            return "";
        }
        String prefix = key.substring(0, colon);
        String claim = key.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (prefix.startsWith("aws") || prefix.equalsIgnoreCase("sts")) {
            return "";
        }
        if (!prefix.equalsIgnoreCase(ctx.keyPrefix())) {
            return " (the token's keys use the prefix " + ctx.keyPrefix() + ")";
        }
        if (!RequestContextFactory.OIDC_CLAIMS.contains(claim) && !RequestContextFactory.GITHUB_CLAIMS.contains(claim)) {
            return " (AWS never puts the claim " + claim + " in the request context)";
        }
        return " (the token has no " + claim + " claim)";
    }
}
