package io.github.ghaoidc.core.trust.internal;

import io.github.ghaoidc.core.trust.PolicyPrincipal;
import java.util.List;

/**
 * Whether a statement's Principal/NotPrincipal covers the caller. A web-identity caller matches only a
 * {@code Federated} entry equal to its provider ARN; {@code "*"} and {@code {"AWS": "*"}} are treated as
 * not matching it (unverified against AWS; documented). An AWS caller matches {@code "*"} and {@code AWS}
 * entries naming its role ARN, its session ARN, its account ID or the account's root ARN.
 */
public final class PrincipalMatch {
    private PrincipalMatch() {
    }

    public static boolean statementApplies(PolicyPrincipal principal, PolicyPrincipal notPrincipal,
            RequestContext ctx) {
        if (principal != null) {
            return covers(principal, ctx);
        }
        if (notPrincipal != null) {
            return !covers(notPrincipal, ctx);
        }
        return false;
    }

    public static boolean covers(PolicyPrincipal p, RequestContext ctx) {
        if (ctx.callerKind() == RequestContext.CallerKind.WEB_IDENTITY) {
            if (p.isWildcard()) {
                return false;
            }
            List<String> federated = p.valuesOf("Federated");
            for (int i = 0, n = federated.size(); i < n; i++) {
                if (federated.get(i).equals(ctx.providerArn())) {
                    return true;
                }
            }
            return false;
        }
        if (p.isWildcard()) {
            return true;
        }
        String root = "arn:" + ctx.callerPartition() + ":iam::" + ctx.callerAccount() + ":root";
        for (String v : p.valuesOf("AWS")) {
            if (v.equals("*") || v.equals(ctx.callerAccount()) || v.equals(root) || v.equals(ctx.callerRoleArn())
                    || v.equals(ctx.callerSessionArn())) {
                return true;
            }
        }
        return false;
    }
}
