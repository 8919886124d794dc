package io.github.ghaoidc.core.trust;

/**
 * Every condition operator IAM documents, without set qualifier or {@code IfExists}. Names are
 * case-sensitive, exactly as IAM spells them.
 */
public enum BaseOperator {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
    STRING_LIKE("StringLike", Family.STRING, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
    DATE_EQUALS("DateEquals", Family.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    IP_ADDRESS("IpAddress", Family.IP, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    /** The kind of value an operator compares. */
    public enum Family { STRING, NUMERIC, DATE, BOOL, BINARY, IP, ARN, NULL }

    private final String jsonName;
    private final Family family;
    private final boolean negated;

    BaseOperator(String jsonName, Family family, boolean negated) {
        this.jsonName = jsonName;
        this.family = family;
        this.negated = negated;
    }

    /** The operator name as written in JSON. */
    public String jsonName() {
        return jsonName;
    }

    /** What kind of values it compares. */
    public Family family() {
        return family;
    }

    /** Whether it is a negated operator (true when no policy value matches; true on a missing key). */
    public boolean isNegated() {
        return negated;
    }

    /** Whether policy variables ({@code ${...}}) are substituted in its values (String and Arn operators only). */
    public boolean acceptsPolicyVariables() {
        return family == Family.STRING || family == Family.ARN;
    }

    /** The operator spelt {@code name} exactly, or {@code null}. */
    public static BaseOperator fromJson(String name) {
        for (BaseOperator op : values()) {
            if (op.jsonName.equals(name)) {
                return op;
            }
        }
        return null;
    }
}
