package io.github.ghaoidc.core.trust;

import static io.github.ghaoidc.core.trust.Policies.allowWhen;
import static io.github.ghaoidc.core.trust.Policies.key;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The non-string operators, set qualifiers on multivalued keys, and Null. */
class ConditionOperatorsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Map<String, String> CLAIMS = Map.of("sub", "repo:o/r:ref:refs/heads/main");

    private static Decision decide(TrustPolicy p, TrustRequest.Builder r) {
        return TrustEvaluator.create().evaluate(p, r.currentTime(NOW).build());
    }

    private static TrustRequest.Builder req() {
        return TrustRequest.builder().claims(CLAIMS);
    }

    @Test
    void dateOperatorsCompareCurrentTimeWithIsoAndEpochValues() {
        assertThat(decide(allowWhen("\"DateLessThan\":{\"aws:CurrentTime\":\"2026-12-01T00:00:00Z\"}"), req()))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide(allowWhen("\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-12-01\"}"), req()))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(allowWhen("\"DateGreaterThanEquals\":{\"aws:CurrentTime\":\"" + NOW.getEpochSecond() + "\"}"),
                req())).isEqualTo(Decision.ALLOW);
        assertThat(decide(allowWhen("\"DateNotEquals\":{\"aws:CurrentTime\":\"2026-11-25T12:00:00Z\"}"), req()))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void numericOperatorsCompareNumbersNotText() {
        long epoch = NOW.getEpochSecond();
        assertThat(decide(allowWhen("\"NumericLessThan\":{\"aws:EpochTime\":" + (epoch + 1) + "}"), req()))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide(allowWhen("\"NumericGreaterThan\":{\"aws:EpochTime\":\"" + epoch + ".0\"}"), req()))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(allowWhen("\"NumericEquals\":{\"aws:EpochTime\":\"" + epoch + ".00\"}"), req()))
                .isEqualTo(Decision.ALLOW);
        assertThat(decide(allowWhen("\"NumericEquals\":{" + key("repository_id") + ":\"0042\"}"),
                req().claims(Map.of("sub", "x", "repository_id", 42)))).as("0042 is the number 42").isEqualTo(Decision.ALLOW);
    }

    @Test
    void numericOnClaimNumbersFromToken() {
        TrustPolicy p = allowWhen("\"NumericEquals\":{" + key("repository_id") + ":42}");
        TrustRequest r = TrustRequest.builder().claims(Map.of("sub", "x", "repository_id", 42)).build();
        assertThat(TrustEvaluator.create().evaluate(p, r)).isEqualTo(Decision.ALLOW);
    }

    @Test
    void boolComparesSecureTransport() {
        TrustPolicy p = allowWhen("\"Bool\":{\"aws:SecureTransport\":true}");
        assertThat(decide(p, req())).isEqualTo(Decision.ALLOW);
        assertThat(decide(p, req().secureTransport(false))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void ipAddressMatchesCidrAndSingleAddress() {
        TrustPolicy in = allowWhen("\"IpAddress\":{\"aws:SourceIp\":[\"203.0.113.0/24\",\"2001:db8::/32\"]}");
        TrustPolicy notIn = allowWhen("\"NotIpAddress\":{\"aws:SourceIp\":\"203.0.113.7\"}");
        assertThat(decide(in, req().sourceIp("203.0.113.200"))).isEqualTo(Decision.ALLOW);
        assertThat(decide(in, req().sourceIp("2001:db8:1::5"))).isEqualTo(Decision.ALLOW);
        assertThat(decide(in, req().sourceIp("198.51.100.1"))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(notIn, req().sourceIp("203.0.113.7"))).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(decide(notIn, req().sourceIp("203.0.113.8"))).isEqualTo(Decision.ALLOW);
        assertThat(decide(in, req())).as("no source IP: key absent").isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void arnOperatorsMatchPartByPart() {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"123456789012\"},\"Action\":\"sts:AssumeRole\",\"Condition\":{\"%s\":{\"aws:PrincipalArn\":\"%s\"}}}}";
        TrustRequest r = TrustRequest.builder().action("sts:AssumeRole")
                .principalArn("arn:aws:iam::123456789012:role/ci/deployer").build();
        TrustEvaluator ev = TrustEvaluator.create();
        assertThat(ev.evaluate(TrustPolicy.parse(String.format(policy, "ArnLike", "arn:aws:iam::*:role/ci/*")), r))
                .isEqualTo(Decision.ALLOW);
        assertThat(ev.evaluate(TrustPolicy.parse(String.format(policy, "ArnEquals", "arn:aws:iam::123456789012:role/ci/deployer")), r))
                .isEqualTo(Decision.ALLOW);
        assertThat(ev.evaluate(TrustPolicy.parse(String.format(policy, "ArnNotLike", "arn:aws:iam::*:role/ci/*")), r))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(ev.evaluate(TrustPolicy.parse(String.format(policy, "ArnLike", "arn:aws:iam::*:ROLE/ci/*")), r))
                .as("case-sensitive").isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void binaryEqualsComparesDecodedBytes() {
        TrustPolicy p = allowWhen("\"BinaryEquals\":{" + key("actor") + ":\"b2N0b2NhdA==\"}");
        assertThat(decide(p, req().claims(Map.of("sub", "x", "actor", "b2N0b2NhdA==")))).isEqualTo(Decision.ALLOW);
    }

    @Test
    void multivaluedAmrWithSetQualifiers() {
        TrustRequest r = TrustRequest.builder().claims(Map.of("sub", "x", "amr", List.of("authenticated", "mfa"))).build();
        TrustEvaluator ev = TrustEvaluator.create();
        assertThat(ev.evaluate(allowWhen("\"ForAnyValue:StringEquals\":{" + key("amr") + ":\"mfa\"}"), r))
                .isEqualTo(Decision.ALLOW);
        assertThat(ev.evaluate(allowWhen("\"ForAllValues:StringEquals\":{" + key("amr") + ":\"mfa\"}"), r))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(ev.evaluate(allowWhen("\"ForAllValues:StringEquals\":{" + key("amr") + ":[\"mfa\",\"authenticated\"]}"), r))
                .isEqualTo(Decision.ALLOW);
        assertThat(ev.evaluate(allowWhen("\"ForAnyValue:StringNotEquals\":{" + key("amr") + ":\"mfa\"}"), r))
                .isEqualTo(Decision.ALLOW);
        assertThat(ev.evaluate(allowWhen("\"ForAllValues:StringNotEquals\":{" + key("amr") + ":\"mfa\"}"), r))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void nullTrueHoldsOnlyWhenKeyAbsent() {
        TrustPolicy p = allowWhen("\"Null\":{" + key("environment") + ":\"true\"}");
        assertThat(decide(p, req())).isEqualTo(Decision.ALLOW);
        assertThat(decide(p, req().claims(Map.of("sub", "x", "environment", "prod")))).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void emptyValueListNeverMatchesPositiveOperator() {
        TrustPolicy p = allowWhen("\"StringLike\":{" + key("sub") + ":[]}");
        assertThat(decide(p, req())).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        TrustPolicy p = allowWhen("\"StringLike\":{" + key("sub") + ":\"repo:o/r:ref:refs/heads/ma?n\"}");
        assertThat(decide(p, req())).isEqualTo(Decision.ALLOW);
        TrustPolicy tooShort = allowWhen("\"StringLike\":{" + key("sub") + ":\"repo:o/r:ref:refs/heads/mai?n\"}");
        assertThat(decide(tooShort, req())).isEqualTo(Decision.IMPLICIT_DENY);
    }
}
