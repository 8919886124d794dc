package io.github.ghaoidc.core.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Principal, NotPrincipal, Action and NotAction matching for web-identity and AWS callers. */
class PrincipalAndActionTest {
    private static final TrustEvaluator EV = TrustEvaluator.create();
    private static final TrustRequest WEB = TrustRequest.builder().claims(Map.of("sub", "x")).build();
    private static final TrustRequest CHAIN = TrustRequest.builder().action("sts:AssumeRole")
            .principalArn("arn:aws:iam::123456789012:role/ci/first").sessionName("s").build();

    private static TrustPolicy stmt(String principal, String action) {
        return TrustPolicy.parse("{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\"," + principal + ","
                + action + "}}");
    }

    @Test
    void federatedPrincipalMustEqualTheProviderArn() {
        assertThat(EV.evaluate(stmt("\"Principal\":{\"Federated\":[\"arn:aws:iam::1:oidc-provider/x\",\""
                + Policies.PROVIDER + "\"]}", "\"Action\":\"sts:AssumeRoleWithWebIdentity\""), WEB)).isEqualTo(Decision.ALLOW);
        assertThat(EV.evaluate(stmt("\"Principal\":{\"Federated\":\"arn:aws:iam::999999999999:oidc-provider/"
                + Policies.PREFIX + "\"}", "\"Action\":\"sts:AssumeRoleWithWebIdentity\""), WEB))
                .as("other account").isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void wildcardPrincipalsDoNotCoverWebIdentityCallers() {
        assertThat(EV.evaluate(stmt("\"Principal\":\"*\"", "\"Action\":\"sts:AssumeRoleWithWebIdentity\""), WEB))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(EV.evaluate(stmt("\"Principal\":{\"AWS\":\"*\"}", "\"Action\":\"sts:*\""), WEB))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void awsPrincipalCoversRoleSessionsByRoleArnAccountOrRoot() {
        String action = "\"Action\":\"sts:AssumeRole\"";
        for (String p : new String[] {"arn:aws:iam::123456789012:role/ci/first", "123456789012",
                "arn:aws:iam::123456789012:root", "*", "arn:aws:sts::123456789012:assumed-role/first/s"}) {
            assertThat(EV.evaluate(stmt("\"Principal\":{\"AWS\":\"" + p + "\"}", action), CHAIN)).as(p)
                    .isEqualTo(Decision.ALLOW);
        }
        assertThat(EV.evaluate(stmt("\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/other\"}", action), CHAIN))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(EV.evaluate(stmt("\"Principal\":{\"Federated\":\"" + Policies.PROVIDER + "\"}", action), CHAIN))
                .isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void notPrincipalAppliesToEveryoneElse() {
        assertThat(EV.evaluate(stmt("\"NotPrincipal\":{\"AWS\":\"123456789012\"}", "\"Action\":\"sts:*\""), WEB))
                .isEqualTo(Decision.ALLOW);
        assertThat(EV.evaluate(stmt("\"NotPrincipal\":{\"Federated\":\"" + Policies.PROVIDER + "\"}",
                "\"Action\":\"sts:*\""), WEB)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void actionIsACaseInsensitiveWildcard() {
        String p = "\"Principal\":{\"Federated\":\"" + Policies.PROVIDER + "\"}";
        assertThat(EV.evaluate(stmt(p, "\"Action\":\"STS:assumerole*\""), WEB)).isEqualTo(Decision.ALLOW);
        assertThat(EV.evaluate(stmt(p, "\"Action\":\"sts:AssumeRole\""), WEB)).isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(EV.evaluate(stmt(p, "\"NotAction\":\"sts:TagSession\""), WEB)).isEqualTo(Decision.ALLOW);
        assertThat(EV.evaluate(stmt(p, "\"NotAction\":\"sts:Assume*\""), WEB)).isEqualTo(Decision.IMPLICIT_DENY);
    }
}
