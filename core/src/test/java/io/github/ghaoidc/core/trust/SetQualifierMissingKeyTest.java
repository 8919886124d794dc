package io.github.ghaoidc.core.trust;

import static io.github.ghaoidc.core.trust.Policies.allowWhen;
import static io.github.ghaoidc.core.trust.Policies.decide;
import static io.github.ghaoidc.core.trust.Policies.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operator family under no qualifier, {@code ForAnyValue:} and {@code ForAllValues:}, with and
 * without {@code IfExists}, on a key the token carries and on one it lacks. The expected results are
 * AWS's (facts: trust-policy.md, "Set qualifiers"): for an absent key the set qualifier decides first
 * (ForAnyValue false, ForAllValues true, IfExists or not); without one, IfExists holds and otherwise a
 * negated operator holds. For a present single value every qualifier reduces to the base operator.
 */
class SetQualifierMissingKeyTest {
    private static final String MAIN = "repo:org/app:ref:refs/heads/main";

    /** One operator, a policy value, and a request value that the positive form of the operator matches. */
    private record Op(String name, boolean negated, String policyValue, String matchingRequestValue) {
    }

    private static final List<Op> OPERATORS = List.of(
            new Op("StringEquals", false, "prod", "prod"),
            new Op("StringNotEquals", true, "prod", "prod"),
            new Op("StringEqualsIgnoreCase", false, "prod", "PROD"),
            new Op("StringNotEqualsIgnoreCase", true, "prod", "PROD"),
            new Op("StringLike", false, "pro*", "prod"),
            new Op("StringNotLike", true, "pro*", "prod"),
            new Op("NumericEquals", false, "5", "5"),
            new Op("NumericNotEquals", true, "5", "5"),
            new Op("NumericLessThan", false, "5", "4"),
            new Op("NumericGreaterThanEquals", false, "5", "5"),
            new Op("DateEquals", false, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
            new Op("DateNotEquals", true, "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"),
            new Op("DateGreaterThan", false, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"),
            new Op("Bool", false, "true", "true"),
            new Op("IpAddress", false, "10.0.0.0/8", "10.1.2.3"),
            new Op("NotIpAddress", true, "10.0.0.0/8", "10.1.2.3"),
            new Op("ArnEquals", false, "arn:aws:iam::123456789012:role/x", "arn:aws:iam::123456789012:role/x"),
            new Op("ArnLike", false, "arn:aws:iam::*:role/x", "arn:aws:iam::123456789012:role/x"),
            new Op("ArnNotEquals", true, "arn:aws:iam::123456789012:role/x", "arn:aws:iam::123456789012:role/x"),
            new Op("ArnNotLike", true, "arn:aws:iam::*:role/x", "arn:aws:iam::123456789012:role/x"));

    /** Whether the condition holds on an absent key: AWS's table, written out. */
    private static boolean absentHolds(String qualifier, boolean ifExists, boolean negated) {
        return switch (qualifier) {
            case "ForAnyValue:" -> false;
            case "ForAllValues:" -> true;
            default -> ifExists || negated;
        };
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Op op : OPERATORS) {
            for (String qualifier : List.of("", "ForAnyValue:", "ForAllValues:")) {
                for (boolean ifExists : List.of(false, true)) {
                    String operator = qualifier + op.name() + (ifExists ? "IfExists" : "");
                    out.add(Arguments.of(operator, op, false, absentHolds(qualifier, ifExists, op.negated())));
                    out.add(Arguments.of(operator, op, true, !op.negated()));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, key present: {2} -> holds: {3}")
    @MethodSource("cases")
    void conditionHoldsAsAwsDecides(String operator, Op op, boolean present, boolean holds) {
        TrustPolicy policy = allowWhen("\"" + operator + "\":{" + key("environment") + ":\"" + op.policyValue() + "\"}");
        Map<String, String> claims = present ? Map.of("sub", MAIN, "environment", op.matchingRequestValue())
                : Map.of("sub", MAIN);

        Decision decision = decide(policy, claims);

        assertThat(decision).isEqualTo(holds ? Decision.ALLOW : Decision.IMPLICIT_DENY);
        assertThat(TrustEvaluator.create().explain(policy, Policies.request(claims)).decision()).isEqualTo(decision);
        assertThat(ConditionOperator.parse(operator).holdsWhenKeyAbsent())
                .isEqualTo(absentHolds(operator.startsWith("ForAnyValue:") ? "ForAnyValue:"
                        : operator.startsWith("ForAllValues:") ? "ForAllValues:" : "", operator.endsWith("IfExists"),
                        op.negated()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forAnyValueIfExists")
    void forAnyValueIfExistsOnAbsentKeyIsExplainedAsTheQualifiersVerdict(String operator) {
        TrustPolicy policy = allowWhen("\"" + operator + "\":{" + key("environment") + ":\"prod\"}");

        Explanation explanation = TrustEvaluator.create().explain(policy, Policies.request(Map.of("sub", MAIN)));

        assertThat(explanation.toText()).contains("ForAnyValue is not satisfied when the key is absent")
                .contains("IfExists does not rescue it");
    }

    static Stream<String> forAnyValueIfExists() {
        return Stream.of("ForAnyValue:StringEqualsIfExists", "ForAnyValue:StringNotLikeIfExists");
    }
}
