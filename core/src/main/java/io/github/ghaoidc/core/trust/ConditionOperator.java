package io.github.ghaoidc.core.trust;

import java.util.Objects;

/**
 * A condition operator as written in a policy, e.g. {@code ForAnyValue:StringLikeIfExists}: the raw
 * text and its parts. An operator IAM does not know ({@code stringEquals}, {@code NullIfExists},
 * {@code Foo:StringEquals}) still parses, with {@link #isRecognised()} false, so that validation and
 * lint can report it; evaluation treats such a condition as never satisfied.
 * Immutable and thread-safe.
 */
public final class ConditionOperator {
    private static final String IF_EXISTS = "IfExists";

    private final String raw;
    private final BaseOperator base;
    private final SetQualifier qualifier;
    private final boolean ifExists;

    private ConditionOperator(String raw, BaseOperator base, SetQualifier qualifier, boolean ifExists) {
        this.raw = raw;
        this.base = base;
        this.qualifier = qualifier;
        this.ifExists = ifExists;
    }

    /** Parses an operator name exactly as IAM does (case-sensitive); never throws for a non-null name. */
    public static ConditionOperator parse(String raw) {
        Objects.requireNonNull(raw, "raw");
        String rest = raw;
        SetQualifier qualifier = SetQualifier.NONE;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            String prefix = rest.substring(0, colon);
            if (prefix.equals(SetQualifier.FOR_ANY_VALUE.jsonName())) {
                qualifier = SetQualifier.FOR_ANY_VALUE;
            } else if (prefix.equals(SetQualifier.FOR_ALL_VALUES.jsonName())) {
                qualifier = SetQualifier.FOR_ALL_VALUES;
            } else {
                return new ConditionOperator(raw, null, SetQualifier.NONE, false);
            }
            rest = rest.substring(colon + 1);
        }
        boolean ifExists = false;
        BaseOperator base = BaseOperator.fromJson(rest);
        if (base == null && rest.endsWith(IF_EXISTS)) {
            base = BaseOperator.fromJson(rest.substring(0, rest.length() - IF_EXISTS.length()));
            ifExists = true;
            if (base == BaseOperator.NULL) {
                base = null; // IAM has no NullIfExists
            }
        }
        if (base == null) {
            return new ConditionOperator(raw, null, SetQualifier.NONE, false);
        }
        return new ConditionOperator(raw, base, qualifier, ifExists);
    }

    /** The operator exactly as written in the policy. */
    public String raw() {
        return raw;
    }

    /** Whether IAM knows this operator. */
    public boolean isRecognised() {
        return base != null;
    }

    /** The base operator, or {@code null} when not {@link #isRecognised() recognised}. */
    public BaseOperator base() {
        return base;
    }

    /** The set qualifier; {@link SetQualifier#NONE} when absent or not recognised. */
    public SetQualifier qualifier() {
        return qualifier;
    }

    /**
     * Whether the {@code IfExists} suffix is present. It makes a missing key satisfy the condition only
     * without a set qualifier: see {@link #holdsWhenKeyAbsent()}.
     */
    public boolean ifExists() {
        return ifExists;
    }

    /**
     * Whether a condition with this operator holds when the request has no value for its key, as AWS
     * decides it: a set qualifier decides first ({@code ForAnyValue:} false, {@code ForAllValues:} true,
     * whether or not {@code IfExists} is added: observed on AWS for {@code ForAnyValue:…IfExists}); then
     * {@code IfExists} holds; then a negated operator holds and a positive one does not. {@code Null} is
     * not covered (it tests presence itself); an unrecognised operator never holds.
     */
    public boolean holdsWhenKeyAbsent() {
        if (base == null) {
            return false;
        }
        if (qualifier == SetQualifier.FOR_ANY_VALUE) {
            return false;
        }
        if (qualifier == SetQualifier.FOR_ALL_VALUES || ifExists) {
            return true;
        }
        return base.isNegated();
    }

    /** Whether the base operator is negated. False when not recognised. */
    public boolean isNegated() {
        return base != null && base.isNegated();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConditionOperator && ((ConditionOperator) o).raw.equals(raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return raw;
    }
}
