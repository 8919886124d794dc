package io.github.ghaoidc.core.trust.internal;

import java.math.BigDecimal;

/** Numeric condition values: integers and decimals, as IAM's Numeric operators read them. */
final class Numbers {
    private static final int MAX_LENGTH = 64;

    private Numbers() {
    }

    /** The number, or {@code null} when the text is not a plain decimal number. */
    static BigDecimal parse(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(i == 0 && (c == '-' || c == '+'))) {
                return null; // no exponents: keeps BigDecimal work bounded
            }
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
