package io.github.ghaoidc.core.trust.internal;

/**
 * An Arn-operator value: the six colon-separated ARN parts are matched separately, each a
 * case-sensitive wildcard pattern (IAM's ArnEquals and ArnLike behave alike). A value that is not
 * six parts long is matched as one wildcard pattern over the whole ARN.
 */
final class ArnPattern {
    private static final int PARTS = 6;

    private final Glob[] parts;
    private final Glob whole;

    private ArnPattern(Glob[] parts, Glob whole) {
        this.parts = parts;
        this.whole = whole;
    }

    static ArnPattern compile(String text, boolean[] literal) {
        String[] split = text.split(":", PARTS);
        if (split.length < PARTS) {
            return new ArnPattern(null, literal == null ? Glob.of(text, false) : Glob.of(text, literal, false));
        }
        Glob[] globs = new Glob[PARTS];
        int offset = 0;
        for (int i = 0; i < PARTS; i++) {
            String part = split[i];
            if (literal == null) {
                globs[i] = Glob.of(part, false);
            } else {
                boolean[] mask = new boolean[part.length()];
                System.arraycopy(literal, offset, mask, 0, part.length());
                globs[i] = Glob.of(part, mask, false);
            }
            offset += part.length() + 1;
        }
        return new ArnPattern(globs, null);
    }

    boolean matches(String arn) {
        if (whole != null) {
            return whole.matches(arn);
        }
        String[] split = arn.split(":", PARTS);
        if (split.length < PARTS) {
            return false;
        }
        for (int i = 0; i < PARTS; i++) {
            if (!parts[i].matches(split[i])) {
                return false;
            }
        }
        return true;
    }
}
