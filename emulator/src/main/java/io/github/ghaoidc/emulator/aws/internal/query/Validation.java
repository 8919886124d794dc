package io.github.ghaoidc.emulator.aws.internal.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects parameter constraint violations and reports them as AWS does:
 * {@code 1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: …}.
 * Values are never echoed for fields marked secret (tokens, policies).
 */
public final class Validation {

    private final List<String> errors = new ArrayList<>();

    public Validation required(String field, String value) {
        if (value == null) {
            errors.add("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    public Validation length(String field, String value, int min, int max, boolean secret) {
        if (value == null) {
            return this;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            errors.add(describe(field, value, secret)
                    + "failed to satisfy constraint: Member must have length greater than or equal to " + min);
        } else if (length > max) {
            errors.add(describe(field, value, secret)
                    + "failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return this;
    }

    public Validation pattern(String field, String value, Pattern pattern, String patternText) {
        if (value != null && !pattern.matcher(value).matches()) {
            errors.add(describe(field, value, false)
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: " + patternText);
        }
        return this;
    }

    public Validation range(String field, Integer value, int min, int max) {
        if (value == null) {
            return this;
        }
        if (value < min) {
            errors.add("Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value greater than or equal to " + min);
        } else if (value > max) {
            errors.add("Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must have value less than or equal to " + max);
        }
        return this;
    }

    public Validation listSize(String field, int size, int max) {
        if (size > max) {
            errors.add("Value at '" + field
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return this;
    }

    private static String describe(String field, String value, boolean secret) {
        return secret ? "Value at '" + field + "' " : "Value '" + value + "' at '" + field + "' ";
    }

    /** Throws {@code ValidationError} (400) when any constraint failed. */
    public void throwIfInvalid() {
        if (errors.isEmpty()) {
            return;
        }
        String count = errors.size() == 1 ? "1 validation error detected: "
                : errors.size() + " validation errors detected: ";
        throw AwsServiceException.validation(count + String.join("; ", errors));
    }

    /** Parses an integer parameter, or reports AWS's error for a value that is not a number. */
    public static Integer integer(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw AwsServiceException.validation("1 validation error detected: Value '" + value + "' at '" + field
                    + "' failed to satisfy constraint: Member must be a whole number");
        }
    }
}
