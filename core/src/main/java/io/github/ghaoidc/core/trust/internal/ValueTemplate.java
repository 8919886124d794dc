package io.github.ghaoidc.core.trust.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy value containing policy variables: {@code ${key}}, {@code ${key, 'default'}} and the
 * escapes {@code ${*}}, {@code ${?}}, {@code ${$}}. Text outside {@code ${...}} keeps its wildcards;
 * substituted text (variable values, escapes, defaults) is literal.
 */
public final class ValueTemplate {
    private record Segment(String text, String keyLower, String fallback) {
    }

    /** A resolved value: the text and which of its characters are literal. */
    public record Resolved(String text, boolean[] literal) {
    }

    private final List<Segment> segments;

    private ValueTemplate(List<Segment> segments) {
        this.segments = segments;
    }

    /** The template for {@code raw}, or {@code null} when it holds no {@code ${...}} at all. */
    public static ValueTemplate parse(String raw) {
        int start = raw.indexOf("${");
        if (start < 0) {
            return null;
        }
        List<Segment> segments = new ArrayList<>();
        int pos = 0;
        boolean variable = false;
        while (start >= 0) {
            int end = raw.indexOf('}', start + 2);
            if (end < 0) {
                break;
            }
            String inner = raw.substring(start + 2, end).trim();
            Segment s = variableSegment(inner);
            if (s != null) {
                if (start > pos) {
                    segments.add(new Segment(raw.substring(pos, start), null, null));
                }
                segments.add(s);
                variable = true;
                pos = end + 1;
            }
            start = raw.indexOf("${", s != null ? end + 1 : start + 2);
        }
        if (!variable) {
            return null;
        }
        if (pos < raw.length()) {
            segments.add(new Segment(raw.substring(pos), null, null));
        }
        return new ValueTemplate(List.copyOf(segments));
    }

    private static Segment variableSegment(String inner) {
        if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
            return new Segment(null, null, inner);
        }
        String key = inner;
        String fallback = null;
        int comma = inner.indexOf(',');
        if (comma >= 0) {
            key = inner.substring(0, comma).trim();
            String d = inner.substring(comma + 1).trim();
            if (d.length() < 2 || d.charAt(0) != '\'' || d.charAt(d.length() - 1) != '\'') {
                return null;
            }
            fallback = d.substring(1, d.length() - 1);
        }
        if (key.isEmpty() || key.contains("${") || key.contains("'")) {
            return null;
        }
        return new Segment(null, key.toLowerCase(Locale.ROOT), fallback);
    }

    /** Substitutes from the context; {@code null} when a variable has neither a value nor a default. */
    public Resolved resolve(RequestContext ctx) {
        String[] pieces = new String[segments.size()];
        int length = 0;
        for (int i = 0; i < pieces.length; i++) {
            Segment s = segments.get(i);
            String piece = s.text() != null ? s.text() : s.keyLower() == null ? s.fallback() : ctx.single(s.keyLower());
            if (piece == null) {
                piece = s.fallback();
            }
            if (piece == null) {
                return null;
            }
            pieces[i] = piece;
            length += piece.length();
        }
        StringBuilder text = new StringBuilder(length);
        boolean[] literal = new boolean[length];
        for (int i = 0; i < pieces.length; i++) {
            if (segments.get(i).text() == null) {
                java.util.Arrays.fill(literal, text.length(), text.length() + pieces[i].length(), true);
            }
            text.append(pieces[i]);
        }
        return new Resolved(text.toString(), literal);
    }
}
