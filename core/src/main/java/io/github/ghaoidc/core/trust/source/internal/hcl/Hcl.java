package io.github.ghaoidc.core.trust.source.internal.hcl;

import java.util.List;
import java.util.Map;

/**
 * The HCL native syntax as Terraform configuration uses it, parsed with source positions: a body of attributes and
 * blocks, and expressions. Expressions the evaluator does not support are kept (as {@link Unsupported}) so that
 * only the ones a trust policy needs are refused, each by name with its line. Immutable.
 */
public final class Hcl {

    private Hcl() {
    }

    /** Where an element starts: a 1-based line and column in {@code file}. */
    public record Position(String file, int line, int column) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    /** A body: attributes by name (in order) and blocks (in order). */
    public record Body(Map<String, Attribute> attributes, List<Block> blocks) {
        public List<Block> blocks(String type) {
            return blocks.stream().filter(b -> b.type().equals(type)).toList();
        }
    }

    public record Attribute(String name, Expr value, Position position) {
    }

    public record Block(String type, List<String> labels, Body body, Position position) {
    }

    /** An expression. */
    public sealed interface Expr permits Literal, Template, Tuple, ObjectCons, Traversal, Call, Unsupported {
        Position position();
    }

    /** A string, number, bool or null. */
    public record Literal(Object value, Position position) implements Expr {
    }

    /** A quoted or heredoc string with {@code ${…}} parts: each part a String or an {@link Expr}. */
    public record Template(List<Object> parts, Position position) implements Expr {
    }

    public record Tuple(List<Expr> items, Position position) implements Expr {
    }

    /** An object constructor: keys (an identifier, a string or an expression in parentheses) and values. */
    public record ObjectCons(List<Map.Entry<Expr, Expr>> entries, Position position) implements Expr {
    }

    /** {@code var.name}, {@code data.x.y.json}, {@code local.a[0]}: a root name and steps (String or Expr index). */
    public record Traversal(String root, List<Object> steps, Position position) implements Expr {
        /** The traversal as written, e.g. {@code data.aws_iam_policy_document.x.json}. */
        public String text() {
            StringBuilder out = new StringBuilder(root);
            for (Object step : steps) {
                out.append(step instanceof String s ? "." + s : "[…]");
            }
            return out.toString();
        }
    }

    public record Call(String name, List<Expr> args, Position position) implements Expr {
    }

    /** An expression kept only to be named if a policy needs it: a conditional, an operator, a for expression… */
    public record Unsupported(String what, Position position) implements Expr {
    }
}
