package io.github.ghaoidc.core.trust.internal;

import io.github.ghaoidc.core.trust.BaseOperator;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;

/**
 * One policy value compiled for its operator, in the operator's positive form (negation is applied by
 * the condition). A policy value the operator cannot read (a date that is not a date) never matches.
 */
@FunctionalInterface
public interface ValueMatcher {
    ValueMatcher NEVER = request -> false;

    boolean matches(String requestValue);

    /** Compiles {@code text}; {@code literal} marks substituted characters (may be {@code null}). */
    static ValueMatcher compile(BaseOperator base, String text, boolean[] literal) {
        switch (base) {
            case STRING_EQUALS:
            case STRING_NOT_EQUALS:
                return text::equals;
            case STRING_EQUALS_IGNORE_CASE:
            case STRING_NOT_EQUALS_IGNORE_CASE:
                return text::equalsIgnoreCase;
            case STRING_LIKE:
            case STRING_NOT_LIKE: {
                Glob g = literal == null ? Glob.of(text, false) : Glob.of(text, literal, false);
                return g.hasWildcard() ? g::matches : text::equals;
            }
            case ARN_EQUALS:
            case ARN_LIKE:
            case ARN_NOT_EQUALS:
            case ARN_NOT_LIKE:
                return ArnPattern.compile(text, literal)::matches;
            case NUMERIC_EQUALS:
            case NUMERIC_NOT_EQUALS:
            case NUMERIC_LESS_THAN:
            case NUMERIC_LESS_THAN_EQUALS:
            case NUMERIC_GREATER_THAN:
            case NUMERIC_GREATER_THAN_EQUALS:
                return numeric(base, text);
            case DATE_EQUALS:
            case DATE_NOT_EQUALS:
            case DATE_LESS_THAN:
            case DATE_LESS_THAN_EQUALS:
            case DATE_GREATER_THAN:
            case DATE_GREATER_THAN_EQUALS:
                return date(base, text);
            case BOOL:
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    return NEVER;
                }
                return text::equalsIgnoreCase;
            case BINARY_EQUALS:
                return binary(text);
            case IP_ADDRESS:
            case NOT_IP_ADDRESS: {
                Cidr cidr = Cidr.parse(text);
                return cidr == null ? NEVER : cidr::contains;
            }
            default:
                return NEVER; // Null is evaluated by the condition itself
        }
    }

    private static ValueMatcher numeric(BaseOperator base, String text) {
        BigDecimal p = Numbers.parse(text);
        if (p == null) {
            return NEVER;
        }
        return request -> {
            BigDecimal r = Numbers.parse(request);
            return r != null && compare(base, r.compareTo(p));
        };
    }

    private static ValueMatcher date(BaseOperator base, String text) {
        java.time.Instant p = Dates.parse(text);
        if (p == null) {
            return NEVER;
        }
        return request -> {
            java.time.Instant r = Dates.parse(request);
            return r != null && compare(base, r.compareTo(p));
        };
    }

    private static boolean compare(BaseOperator base, int cmp) {
        switch (base) {
            case NUMERIC_LESS_THAN:
            case DATE_LESS_THAN:
                return cmp < 0;
            case NUMERIC_LESS_THAN_EQUALS:
            case DATE_LESS_THAN_EQUALS:
                return cmp <= 0;
            case NUMERIC_GREATER_THAN:
            case DATE_GREATER_THAN:
                return cmp > 0;
            case NUMERIC_GREATER_THAN_EQUALS:
            case DATE_GREATER_THAN_EQUALS:
                return cmp >= 0;
            default:
                return cmp == 0;
        }
    }

    private static ValueMatcher binary(String text) {
        byte[] p = decode(text);
        if (p == null) {
            return NEVER;
        }
        return request -> {
            byte[] r = decode(request);
            return r != null && Arrays.equals(p, r);
        };
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
