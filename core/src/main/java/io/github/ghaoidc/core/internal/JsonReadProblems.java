package io.github.ghaoidc.core.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's read errors in the project's words: what was wrong in the JSON the user wrote and what is allowed,
 * with the line and column when the reader knows them (never "line -1"), and never a Java type, method or
 * parser-feature name. One place for every reader of user JSON (policies, claims, batch lines, the emulator's
 * config and admin API). Stateless.
 */
public final class JsonReadProblems {

    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']*)'");
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\((?:'(.)' )?\\(code (\\d+)\\)\\)");
    private static final Pattern CLOSE_MARKER = Pattern.compile("Unexpected close marker '(.)': expected '(.)'");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(?:for \\w+ starting )?at \\[Source:[^\\]]*\\][^)]*\\)?");
    private static final Pattern FEATURE = Pattern.compile("Feature '(\\w+)' not enabled");
    private static final Pattern JAVA_NAMES = Pattern.compile("`[\\w.$\\[\\]<>, ]+`|\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:\\.\\w+\\(\\))?");

    private JsonReadProblems() {
    }

    private static final Pattern MAXIMUM = Pattern.compile("maximum (?:allowed )?\\((\\d+)");

    /** What is wrong in JSON, e.g. {@code "nested deeper than 32 levels, the most allowed, at line 1, column 40"}. */
    public static String describe(JsonProcessingException e) {
        return what(e, "JSON") + where(e);
    }

    /** What is wrong, without where (for messages that say where first). */
    public static String what(JsonProcessingException e) {
        return what(e, "JSON");
    }

    /**
     * The reading problem (bad syntax, a limit, a number out of range) behind {@code e}, looking through the
     * databind layer's wrapping, or null when {@code e} is about the JSON's shape rather than its syntax.
     */
    public static JsonProcessingException readProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException read) {
                return read;
            }
        }
        return null;
    }

    /** " at line L, column C", or "" when the reader does not know where. */
    public static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + (location.getColumnNr() > 0 ? ", column " + location.getColumnNr() : "");
    }

    /** The same for a reader of another format ({@code "YAML"}), which names it in the fallback message. */
    public static String what(JsonProcessingException e, String format) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof StreamConstraintsException || message.contains("exceeds the maximum")) {
            Matcher max = MAXIMUM.matcher(message);
            String limit = max.find() ? max.group(1) : null;
            if (message.contains("nesting depth") || message.contains("NestingDepth")) {
                return "nested deeper than " + (limit == null ? "allowed" : limit + " levels, the most allowed");
            }
            if (message.contains("Number value length") || message.contains("NumberLength")) {
                return "a number with more digits than allowed" + (limit == null ? "" : " (at most " + limit + ")");
            }
            if (message.contains("String value length") || message.contains("StringLength")) {
                return "a string longer than allowed" + (limit == null ? "" : " (at most " + limit + " characters)");
            }
            if (message.contains("Name length") || message.contains("NameLength")) {
                return "a member name longer than allowed";
            }
            return "larger than the reader allows";
        }
        if (e instanceof InputCoercionException coercion) {
            return "a number out of range (" + range(coercion) + ")";
        }
        Matcher feature = FEATURE.matcher(message);
        if (feature.find()) {
            return switch (feature.group(1)) {
                case "ALLOW_COMMENTS" -> "a comment, which JSON does not allow";
                case "ALLOW_SINGLE_QUOTES" -> "a string in single quotes; JSON strings use double quotes";
                case "ALLOW_UNQUOTED_FIELD_NAMES" -> "a member name without double quotes";
                case "ALLOW_NON_NUMERIC_NUMBERS" -> "NaN or Infinity, which JSON does not allow";
                case "ALLOW_LEADING_ZEROS_FOR_NUMBERS" -> "a number with a leading zero";
                default -> "syntax JSON does not allow";
            };
        }
        Matcher close = CLOSE_MARKER.matcher(message);
        if (close.find()) {
            return "unexpected '" + close.group(1) + "': the " + ("]".equals(close.group(2)) ? "array" : "object")
                    + " opened before it is not closed (expected '" + close.group(2) + "' first)";
        }
        if (message.startsWith("Non-standard token")) {
            return "NaN or Infinity, which JSON does not allow";
        }
        Matcher token = UNRECOGNIZED.matcher(message);
        if (token.find()) {
            return "unexpected text '" + shorten(token.group(1)) + "' where a JSON value (string, number, object, "
                    + "array, true, false or null) belongs";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the JSON ends too early (an object, array or string is not closed)";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "a control character inside a string; write it escaped, e.g. \\n";
        }
        if (message.startsWith("Unrecognized character escape")) {
            return "an escape JSON does not know inside a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)";
        }
        if (message.startsWith("Duplicate field")) {
            Matcher name = Pattern.compile("Duplicate field '([^']*)'").matcher(message);
            return "member \"" + (name.find() ? shorten(name.group(1)) : "?") + "\" given twice in one object";
        }
        if (message.startsWith("Invalid UTF-8") || message.contains("Invalid UTF-8")) {
            return "bytes that are not UTF-8 text";
        }
        Matcher c = UNEXPECTED_CHAR.matcher(message);
        if (c.find()) {
            int code = Integer.parseInt(c.group(2));
            if (code == '\'') {
                return "a single quote; JSON strings and member names use double quotes";
            }
            String shown = code < 32 || code == 127 ? "U+" + String.format("%04X", code) : "'" + (char) code + "'";
            return "unexpected character " + shown + expecting(message);
        }
        return "JSON".equals(format) ? "not valid JSON: " + plain(message) : plain(message);
    }

    private static String range(InputCoercionException e) {
        Class<?> type = e.getTargetType();
        if (type == Integer.class || type == int.class) {
            return "a whole number from -2147483648 to 2147483647";
        }
        return "a whole number from -9223372036854775808 to 9223372036854775807";
    }

    private static String expecting(String message) {
        if (message.contains("was expecting comma to separate Object entries")) {
            return "; expected ',' or '}' after an object member";
        }
        if (message.contains("was expecting comma to separate Array entries")) {
            return "; expected ',' or ']' after an array element";
        }
        if (message.contains("was expecting a colon")) {
            return "; expected ':' after a member name";
        }
        if (message.contains("was expecting double-quote to start field name")) {
            return "; expected a member name in double quotes";
        }
        return "; expected a JSON value";
    }

    /** The message's first line with Java names taken out. */
    private static String plain(String message) {
        String first = SOURCE.matcher(message.lines().findFirst().orElse("")).replaceAll("").trim();
        return JAVA_NAMES.matcher(first).replaceAll("a value").replaceAll("\\s+", " ");
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
