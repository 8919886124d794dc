package io.github.ghaoidc.core.trust.source.internal.hcl;

import io.github.ghaoidc.core.trust.source.PolicySourceException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for the HCL native syntax of Terraform files, keeping each element's line and column.
 * It reads the whole language's shape (blocks, attributes, every expression form, strings with {@code ${…}},
 * heredocs, comments) but builds values only for the expressions the evaluator knows; the rest become
 * {@link Hcl.Unsupported} with their position. Bounded: nesting at most {@value #MAX_DEPTH} levels, and every
 * character is looked at a bounded number of times. One instance per file; not thread-safe.
 */
public final class HclParser {

    static final int MAX_DEPTH = 64;

    private final String text;
    private final String file;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;
    private int brackets;

    private HclParser(String text, String file) {
        this.text = text;
        this.file = file;
    }

    /** Parses a whole file. @throws PolicySourceException naming {@code file:line} and what was expected */
    public static Hcl.Body parse(String text, String file) {
        HclParser parser = new HclParser(text.startsWith("\uFEFF") ? text.substring(1) : text, file);
        Hcl.Body body = parser.body(false);
        parser.skipSpace(true);
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.peek() + "'");
        }
        return body;
    }

    private Hcl.Body body(boolean inBlock) {
        Map<String, Hcl.Attribute> attributes = new LinkedHashMap<>();
        List<Hcl.Block> blocks = new ArrayList<>();
        while (true) {
            skipSpace(true);
            if (atEnd() || inBlock && peek() == '}') {
                return new Hcl.Body(attributes, blocks);
            }
            Hcl.Position at = position();
            String name = identifier("an attribute or block name");
            skipSpace(false);
            if (peek() == '=' && peekAt(1) != '=') {
                pos++;
                Hcl.Expr value = expression();
                if (attributes.putIfAbsent(name, new Hcl.Attribute(name, value, at)) != null) {
                    throw new PolicySourceException(at + ": attribute " + name + " is given twice in the same block");
                }
                endOfLine();
            } else {
                List<String> labels = new ArrayList<>();
                while (peek() == '"' || isIdentifierStart(peek())) {
                    labels.add(peek() == '"' ? plainString() : identifier("a block label"));
                    skipSpace(false);
                }
                expect('{', "'=' or '{' after " + name);
                enter(at);
                Hcl.Body inner = body(true);
                expect('}', "'}' to close block " + name);
                depth--;
                blocks.add(new Hcl.Block(name, List.copyOf(labels), inner, at));
            }
        }
    }

    private void endOfLine() {
        skipSpace(false);
        if (!atEnd() && peek() != '\n' && peek() != '}') {
            throw error("unexpected '" + peek() + "' after a value; one attribute per line");
        }
    }

    // ---- expressions --------------------------------------------------------------------------------------

    private Hcl.Expr expression() {
        Hcl.Expr condition = binary();
        skipSpace(brackets > 0);
        if (peek() == '?') {
            pos++;
            expression();
            skipSpace(brackets > 0);
            expect(':', "':' in a conditional expression");
            expression();
            return new Hcl.Unsupported("a conditional expression (a ? b : c)", condition.position());
        }
        return condition;
    }

    private Hcl.Expr binary() {
        Hcl.Expr left = unary();
        while (true) {
            skipSpace(brackets > 0);
            String op = operator();
            if (op == null) {
                return left;
            }
            pos += op.length();
            unary();
            left = new Hcl.Unsupported("the operator " + op, left.position());
        }
    }

    private String operator() {
        for (String op : new String[] {"&&", "||", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%"}) {
            if (text.startsWith(op, pos) && !(op.equals("<") && text.startsWith("<<", pos))) {
                return op;
            }
        }
        return null;
    }

    private Hcl.Expr unary() {
        skipSpace(brackets > 0);
        if (peek() == '!' || peek() == '-' && !Character.isDigit(peekAt(1))) {
            Hcl.Position at = position();
            pos++;
            unary();
            return new Hcl.Unsupported("a unary operator", at);
        }
        return postfix(primary());
    }

    private Hcl.Expr postfix(Hcl.Expr base) {
        Hcl.Expr current = base;
        while (true) {
            if (peek() == '.' && (isIdentifierStart(peekAt(1)) || Character.isDigit(peekAt(1)))) {
                pos++;
                String step = Character.isDigit(peek()) ? number() : identifier("a name after '.'");
                current = step(current, step);
            } else if (peek() == '.' && peekAt(1) == '*' || peek() == '[' && peekAt(1) == '*') {
                current = new Hcl.Unsupported("a splat expression", current.position());
                pos += 2;
                if (text.startsWith("]", pos)) {
                    pos++;
                }
            } else if (peek() == '[') {
                Hcl.Position at = position();
                pos++;
                brackets++;
                enter(at);
                Hcl.Expr index = expression();
                skipSpace(true);
                expect(']', "']' to close an index");
                brackets--;
                depth--;
                current = step(current, index);
            } else {
                return current;
            }
        }
    }

    private Hcl.Expr step(Hcl.Expr current, Object step) {
        if (current instanceof Hcl.Traversal t) {
            List<Object> steps = new ArrayList<>(t.steps());
            steps.add(step);
            return new Hcl.Traversal(t.root(), List.copyOf(steps), t.position());
        }
        return new Hcl.Unsupported("an attribute or index of a computed value", current.position());
    }

    private Hcl.Expr primary() {
        skipSpace(brackets > 0);
        Hcl.Position at = position();
        char c = peek();
        if (c == '"') {
            return template(at);
        }
        if (c == '<' && text.startsWith("<<", pos)) {
            return heredoc(at);
        }
        if (Character.isDigit(c) || c == '-' && Character.isDigit(peekAt(1))) {
            String n = number();
            return new Hcl.Literal(n.contains(".") || n.contains("e") || n.contains("E") ? Double.valueOf(n)
                    : (Object) Long.valueOf(n), at);
        }
        if (c == '[') {
            return collection(at, '[', ']');
        }
        if (c == '{') {
            return collection(at, '{', '}');
        }
        if (c == '(') {
            pos++;
            brackets++;
            enter(at);
            Hcl.Expr inner = expression();
            skipSpace(true);
            expect(')', "')'");
            brackets--;
            depth--;
            return inner;
        }
        if (isIdentifierStart(c)) {
            String name = identifier("a value");
            switch (name) {
                case "true":
                    return new Hcl.Literal(Boolean.TRUE, at);
                case "false":
                    return new Hcl.Literal(Boolean.FALSE, at);
                case "null":
                    return new Hcl.Literal(null, at);
                default:
                    break;
            }
            if (peek() == '(') {
                return call(name, at);
            }
            return new Hcl.Traversal(name, List.of(), at);
        }
        throw error(atEnd() ? "the file ends where a value was expected" : "unexpected '" + c + "' where a value was expected");
    }

    private Hcl.Expr call(String name, Hcl.Position at) {
        pos++;
        brackets++;
        enter(at);
        List<Hcl.Expr> args = new ArrayList<>();
        skipSpace(true);
        while (peek() != ')') {
            args.add(expression());
            skipSpace(true);
            if (text.startsWith("...", pos)) {
                pos += 3;
                skipSpace(true);
            }
            if (peek() == ',') {
                pos++;
                skipSpace(true);
            } else if (peek() != ')') {
                throw error("expected ',' or ')' in the arguments of " + name + "()");
            }
        }
        pos++;
        brackets--;
        depth--;
        return new Hcl.Call(name, List.copyOf(args), at);
    }

    private Hcl.Expr collection(Hcl.Position at, char open, char close) {
        pos++;
        brackets++;
        enter(at);
        skipSpace(true);
        if (text.startsWith("for", pos) && pos + 3 < text.length() && Character.isWhitespace(text.charAt(pos + 3))) {
            skipBalanced(open, close);
            brackets--;
            depth--;
            return new Hcl.Unsupported("a for expression", at);
        }
        Hcl.Expr result = open == '[' ? tuple(at) : object(at);
        brackets--;
        depth--;
        return result;
    }

    private Hcl.Expr tuple(Hcl.Position at) {
        List<Hcl.Expr> items = new ArrayList<>();
        while (true) {
            skipSpace(true);
            if (peek() == ']') {
                pos++;
                return new Hcl.Tuple(List.copyOf(items), at);
            }
            items.add(expression());
            skipSpace(true);
            if (peek() == ',') {
                pos++;
            } else if (peek() != ']') {
                throw error("expected ',' or ']' in a list");
            }
        }
    }

    private Hcl.Expr object(Hcl.Position at) {
        List<Map.Entry<Hcl.Expr, Hcl.Expr>> entries = new ArrayList<>();
        while (true) {
            skipSpace(true);
            if (peek() == '}') {
                pos++;
                return new Hcl.ObjectCons(List.copyOf(entries), at);
            }
            Hcl.Position keyAt = position();
            Hcl.Expr key = isIdentifierStart(peek()) ? new Hcl.Literal(identifier("a key"), keyAt) : primary();
            skipSpace(true);
            if (peek() != '=' && peek() != ':') {
                throw error("expected '=' or ':' after an object key");
            }
            pos++;
            Hcl.Expr value = expression();
            entries.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
            skipSpace(true);
            if (peek() == ',') {
                pos++;
            }
        }
    }

    // ---- strings ------------------------------------------------------------------------------------------

    private String plainString() {
        Hcl.Position at = position();
        Hcl.Expr t = template(at);
        if (t instanceof Hcl.Template template && template.parts().stream().allMatch(p -> p instanceof String)) {
            return String.join("", template.parts().stream().map(String.class::cast).toList());
        }
        throw new PolicySourceException(at + ": a block label must be a plain string");
    }

    private Hcl.Expr template(Hcl.Position at) {
        pos++; // opening quote
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        while (true) {
            if (atEnd() || peek() == '\n') {
                throw new PolicySourceException(at + ": unclosed string");
            }
            char c = peek();
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                literal.append(escape());
            } else if (text.startsWith("$${", pos) || text.startsWith("%%{", pos)) {
                literal.append(c).append('{');
                pos += 3;
            } else if (text.startsWith("${", pos)) {
                flush(literal, parts);
                parts.add(interpolation());
            } else if (text.startsWith("%{", pos)) {
                return directive(at);
            } else {
                literal.append(c);
                pos++;
            }
        }
        flush(literal, parts);
        return new Hcl.Template(List.copyOf(parts), at);
    }

    private static void flush(StringBuilder literal, List<Object> parts) {
        if (literal.length() > 0) {
            parts.add(literal.toString());
            literal.setLength(0);
        }
    }

    private Hcl.Expr interpolation() {
        Hcl.Position at = position();
        pos += 2;
        brackets++;
        enter(at);
        skipSpace(true);
        if (peek() == '~') {
            pos++;
        }
        Hcl.Expr inner = expression();
        skipSpace(true);
        if (peek() == '~') {
            pos++;
        }
        expect('}', "'}' to close ${");
        brackets--;
        depth--;
        return inner;
    }

    private Hcl.Expr directive(Hcl.Position at) {
        while (!atEnd() && peek() != '"' && peek() != '\n') {
            pos++;
        }
        if (peek() == '"') {
            pos++;
        }
        return new Hcl.Unsupported("a template directive (%{ … })", at);
    }

    private String escape() {
        pos++;
        char c = peek();
        pos++;
        switch (c) {
            case 'n':
                return "\n";
            case 't':
                return "\t";
            case 'r':
                return "\r";
            case '"':
                return "\"";
            case '\\':
                return "\\";
            case 'u': {
                if (pos + 4 > text.length()) {
                    throw error("\\u needs four hexadecimal digits");
                }
                String hex = text.substring(pos, pos + 4);
                pos += 4;
                try {
                    return String.valueOf((char) Integer.parseInt(hex, 16));
                } catch (NumberFormatException e) {
                    throw error("\\u needs four hexadecimal digits, got " + hex);
                }
            }
            default:
                throw error("unknown escape \\" + c + " (allowed: \\n \\t \\r \\\" \\\\ \\uXXXX)");
        }
    }

    private Hcl.Expr heredoc(Hcl.Position at) {
        pos += 2;
        boolean indented = peek() == '-';
        if (indented) {
            pos++;
        }
        String marker = identifier("a heredoc marker");
        if (peek() == '\r') {
            pos++;
        }
        expect('\n', "a line break after <<" + marker);
        newline();
        List<String> lines = new ArrayList<>();
        while (true) {
            if (atEnd()) {
                throw new PolicySourceException(at + ": heredoc <<" + marker + " is not closed");
            }
            int end = text.indexOf('\n', pos);
            String content = text.substring(pos, end < 0 ? text.length() : end);
            if (content.endsWith("\r")) {
                content = content.substring(0, content.length() - 1);
            }
            pos = end < 0 ? text.length() : end;
            if (content.strip().equals(marker)) {
                break;
            }
            lines.add(content);
            if (end >= 0) {
                pos++;
                newline();
            }
        }
        if (indented) {
            int common = lines.stream().filter(l -> !l.isBlank()).mapToInt(HclParser::leadingSpaces).min().orElse(0);
            lines.replaceAll(l -> l.length() >= common ? l.substring(common) : l.strip());
        }
        String body = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        return new HeredocParser(body, at).parse();
    }

    private static int leadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Splits a heredoc's text into literal parts and {@code ${…}} interpolations. */
    private final class HeredocParser {
        private final String body;
        private final Hcl.Position at;

        HeredocParser(String body, Hcl.Position at) {
            this.body = body;
            this.at = at;
        }

        Hcl.Expr parse() {
            if (!body.contains("${") && !body.contains("%{")) {
                return new Hcl.Template(List.of(body), at);
            }
            if (body.contains("%{")) {
                return new Hcl.Unsupported("a template directive (%{ … })", at);
            }
            List<Object> parts = new ArrayList<>();
            int i = 0;
            while (i < body.length()) {
                int open = body.indexOf("${", i);
                if (open < 0) {
                    parts.add(body.substring(i));
                    break;
                }
                if (open > 0 && body.charAt(open - 1) == '$') {
                    parts.add(body.substring(i, open));
                    i = open + 1;
                    continue;
                }
                parts.add(body.substring(i, open));
                int close = body.indexOf('}', open);
                if (close < 0) {
                    throw new PolicySourceException(at + ": unclosed ${ in a heredoc");
                }
                parts.add(HclParser.expressionOf(body.substring(open + 2, close), at));
                i = close + 1;
            }
            return new Hcl.Template(List.copyOf(parts), at);
        }
    }

    /** An expression written inside a heredoc's {@code ${…}}, positioned at the heredoc. */
    static Hcl.Expr expressionOf(String source, Hcl.Position at) {
        HclParser inner = new HclParser(source, at.file());
        inner.line = at.line();
        inner.brackets = 1;
        Hcl.Expr e = inner.expression();
        inner.skipSpace(true);
        if (!inner.atEnd()) {
            throw new PolicySourceException(at + ": unexpected '" + inner.peek() + "' inside ${ }");
        }
        return e;
    }

    // ---- lexical ------------------------------------------------------------------------------------------

    private void skipSpace(boolean newlines) {
        while (!atEnd()) {
            char c = peek();
            if (c == '\n') {
                if (!newlines) {
                    return;
                }
                pos++;
                newline();
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#' || c == '/' && peekAt(1) == '/') {
                while (!atEnd() && peek() != '\n') {
                    pos++;
                }
            } else if (c == '/' && peekAt(1) == '*') {
                Hcl.Position at = position();
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new PolicySourceException(at + ": unclosed /* comment");
                }
                for (int i = pos; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private void newline() {
        line++;
        lineStart = pos;
    }

    private String identifier(String what) {
        if (!isIdentifierStart(peek())) {
            throw error("expected " + what + (atEnd() ? ", the file ends" : ", got '" + peek() + "'"));
        }
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (!atEnd() && (Character.isDigit(peek()) || peek() == '.' && Character.isDigit(peekAt(1))
                || (peek() == 'e' || peek() == 'E') && pos > start)) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void skipBalanced(char open, char close) {
        int level = 1;
        while (!atEnd() && level > 0) {
            char c = peek();
            if (c == '"') {
                template(position());
                continue;
            }
            if (c == '\n') {
                newline();
            }
            if (c == open) {
                level++;
            } else if (c == close) {
                level--;
            }
            pos++;
        }
        if (level > 0) {
            throw error("the file ends inside a for expression");
        }
    }

    private void enter(Hcl.Position at) {
        if (++depth > MAX_DEPTH) {
            throw new PolicySourceException(at + ": nested deeper than " + MAX_DEPTH + " levels, the most allowed");
        }
    }

    private void expect(char c, String what) {
        skipSpace(c != '\n' && (brackets > 0 || c == '}'));
        if (peek() != c) {
            throw error("expected " + what + (atEnd() ? ", the file ends" : ", got '" + peek() + "'"));
        }
        pos++;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private Hcl.Position position() {
        return new Hcl.Position(file, line, pos - lineStart + 1);
    }

    private PolicySourceException error(String message) {
        return new PolicySourceException(position() + ": " + message);
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    private char peekAt(int offset) {
        return pos + offset < text.length() ? text.charAt(pos + offset) : '\0';
    }
}
