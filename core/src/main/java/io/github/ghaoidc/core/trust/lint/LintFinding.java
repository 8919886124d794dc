package io.github.ghaoidc.core.trust.lint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One problem the linter found: a stable rule id ({@code GHA004}), a severity, the JSON path of the
 * offending element, what is wrong and why, and a concrete fix. Immutable and thread-safe.
 */
public final class LintFinding {

    private final String ruleId;
    private final Severity severity;
    private final String path;
    private final String message;
    private final String fix;

    private LintFinding(Builder builder) {
        this.ruleId = Objects.requireNonNull(builder.ruleId, "ruleId");
        this.severity = Objects.requireNonNull(builder.severity, "severity");
        this.path = Objects.requireNonNull(builder.path, "path");
        this.message = Objects.requireNonNull(builder.message, "message");
        this.fix = Objects.requireNonNull(builder.fix, "fix");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().ruleId(ruleId).severity(severity).path(path).message(message).fix(fix);
    }

    /** The rule's stable id, e.g. {@code GHA004}. */
    public String ruleId() {
        return ruleId;
    }

    public Severity severity() {
        return severity;
    }

    /** JSON path of the element, e.g. {@code $.Statement[0].Condition.StringLike["…:sub"]}. */
    public String path() {
        return path;
    }

    /** What is wrong and why it matters. */
    public String message() {
        return message;
    }

    /** What to write instead. */
    public String fix() {
        return fix;
    }

    /** {@code {"id", "severity", "path", "message", "fix"}}: the shape {@code trust lint --format json} prints. */
    public ObjectNode toJsonNode() {
        return JsonNodeFactory.instance.objectNode().put("id", ruleId).put("severity", severity.name()).put("path", path)
                .put("message", message).put("fix", fix);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LintFinding)) {
            return false;
        }
        LintFinding other = (LintFinding) o;
        return ruleId.equals(other.ruleId) && severity == other.severity && path.equals(other.path)
                && message.equals(other.message) && fix.equals(other.fix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, severity, path, message, fix);
    }

    @Override
    public String toString() {
        return ruleId + " " + severity + " " + path + ": " + message + " Fix: " + fix;
    }

    /** Builds a {@link LintFinding}; every field is required. */
    public static final class Builder {
        private String ruleId;
        private Severity severity;
        private String path;
        private String message;
        private String fix;

        private Builder() {
        }

        public Builder ruleId(String ruleId) {
            this.ruleId = ruleId;
            return this;
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder fix(String fix) {
            this.fix = fix;
            return this;
        }

        public LintFinding build() {
            return new LintFinding(this);
        }
    }
}
