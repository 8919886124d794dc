package io.github.ghaoidc.testkit.internal;

import io.github.ghaoidc.core.trust.PolicyStatement;
import io.github.ghaoidc.core.trust.TrustPolicy;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The role ARN an in-process assertion uses when the test names none. */
public final class RoleArns {

    private static final Pattern PROVIDER = Pattern.compile("arn:(aws[a-z-]*):iam::(\\d{12}):oidc-provider/.+");

    private RoleArns() {
    }

    /**
     * {@code arn:<partition>:iam::<account>:role/<name>} in the account of the first OIDC provider the policy
     * names (as the core's explorer does), else in account 123456789012.
     */
    public static String forPolicy(TrustPolicy policy, String roleName) {
        for (PolicyStatement statement : policy.statements()) {
            if (statement.principal() == null) {
                continue;
            }
            for (String federated : statement.principal().valuesOf("Federated")) {
                Matcher m = PROVIDER.matcher(federated);
                if (m.matches()) {
                    return "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + roleName;
                }
            }
        }
        return "arn:aws:iam::123456789012:role/" + roleName;
    }
}
