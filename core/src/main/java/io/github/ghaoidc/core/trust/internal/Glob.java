package io.github.ghaoidc.core.trust.internal;

/**
 * An IAM wildcard pattern compiled once: {@code *} matches any run of characters (also empty, also
 * across {@code /} and {@code :}), {@code ?} exactly one character; anchored at both ends. Characters
 * that came from a policy variable or an escape ({@code ${*}}) are literal even if they are {@code *}.
 * Matching is linear-backtracking (one star mark), so it cannot blow up on hostile patterns.
 */
public final class Glob {
    private final char[] chars;
    private final boolean[] wild;
    private final boolean ignoreCase;
    private final boolean hasWildcard;

    private Glob(char[] chars, boolean[] wild, boolean ignoreCase) {
        this.chars = chars;
        this.wild = wild;
        this.ignoreCase = ignoreCase;
        boolean any = false;
        for (int i = 0; i < chars.length; i++) {
            any |= isStar(i) || isAny(i);
        }
        this.hasWildcard = any;
    }

    /** Every {@code *} and {@code ?} in {@code pattern} is a wildcard. */
    public static Glob of(String pattern, boolean ignoreCase) {
        return new Glob(pattern.toCharArray(), null, ignoreCase);
    }

    /** {@code literal[i]} true means the character at {@code i} is matched literally. */
    public static Glob of(String pattern, boolean[] literal, boolean ignoreCase) {
        boolean[] wild = new boolean[literal.length];
        for (int i = 0; i < wild.length; i++) {
            wild[i] = !literal[i];
        }
        return new Glob(pattern.toCharArray(), wild, ignoreCase);
    }

    public boolean hasWildcard() {
        return hasWildcard;
    }

    private boolean isStar(int i) {
        return chars[i] == '*' && (wild == null || wild[i]);
    }

    private boolean isAny(int i) {
        return chars[i] == '?' && (wild == null || wild[i]);
    }

    private boolean same(char p, char s) {
        if (p == s) {
            return true;
        }
        return ignoreCase && (Character.toLowerCase(p) == Character.toLowerCase(s)
                || Character.toUpperCase(p) == Character.toUpperCase(s));
    }

    public boolean matches(String s) {
        int n = s.length();
        int m = chars.length;
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < n) {
            if (pi < m && !isStar(pi) && (isAny(pi) || same(chars[pi], s.charAt(si)))) {
                pi++;
                si++;
            } else if (pi < m && isStar(pi)) {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < m && isStar(pi)) {
            pi++;
        }
        return pi == m;
    }
}
