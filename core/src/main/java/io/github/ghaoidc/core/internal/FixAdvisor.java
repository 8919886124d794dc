package io.github.ghaoidc.core.internal;

/** The likely fix for each STS error code, made concrete with the token's claims. */
final class FixAdvisor {

    private FixAdvisor() {
    }

    static String fix(String code, String stsMessage, Diagnostics.Context context, Throwable failure) {
        IdTokenClaims claims = context.claims();
        String message = stsMessage == null ? "" : stsMessage;
        if (code == null) {
            return StsErrors.isNetworkFault(failure)
                    ? "check that the STS endpoint " + context.endpoint() + " is reachable from the job"
                    : "see the cause; the request did not get an answer from STS";
        }
        return switch (code) {
            case "AccessDenied" -> accessDenied(context, claims);
            case "InvalidIdentityToken" -> invalidToken(message, claims);
            case StsErrors.EXPIRED_TOKEN -> "the ID token expired before STS accepted it (GitHub ID tokens live 5 minutes)"
                    + "; a fresh token was already tried once, so check the runner's clock";
            case "ValidationError" -> message.contains("MaxSessionDuration")
                    ? "lower sessionDuration to the role's MaxSessionDuration, or raise the role's MaxSessionDuration"
                    : "fix the parameter named in the STS message";
            case "MalformedPolicyDocument" -> "fix the session policy: it must be a valid IAM policy JSON document";
            case "PackedPolicyTooLarge" -> "shorten the session policy or pass fewer policyArns";
            case "RegionDisabledException" -> "activate STS for region " + context.region()
                    + " in the account's IAM settings, or use another region";
            case "IDPRejectedClaim" -> "the identity provider rejected a claim of the token; check the OIDC provider setup";
            case "IDPCommunicationError" -> "AWS could not reach the identity provider; this is transient and was retried";
            case "Throttling", "ThrottlingException", "RequestLimitExceeded" ->
                    "STS is throttling the account; this was retried with backoff, try again later";
            default -> "see the STS message above";
        };
    }

    private static String accessDenied(Diagnostics.Context context, IdTokenClaims claims) {
        if (context.firstRoleArn() != null) {
            return "the trust policy of " + context.roleArn() + " must allow sts:AssumeRole for the first role "
                    + context.firstRoleArn() + " (role chaining)";
        }
        String sub = claims == null ? null : claims.sub();
        if (sub == null) {
            return "the role's trust policy must allow sts:AssumeRoleWithWebIdentity for this token";
        }
        if (sub.endsWith(":pull_request")) {
            return "the trust policy must allow " + sub + " or the job must run on a branch";
        }
        if (sub.contains(":environment:")) {
            return "the trust policy must allow " + sub
                    + " (a job that references an environment gets an environment subject, not a ref)";
        }
        if (sub.startsWith("repo:") && sub.substring(0, sub.indexOf('/') < 0 ? sub.length() : sub.indexOf('/')).contains("@")) {
            return "this repository sends immutable subjects (repo:OWNER@ID/REPO@ID:…); the trust policy must allow " + sub;
        }
        String provider = claims.iss() == null ? "the issuer" : claims.iss().replaceFirst("^https://", "");
        return "the role's trust policy must allow sts:AssumeRoleWithWebIdentity for the Federated principal "
                + "oidc-provider/" + provider + " with a " + provider + ":sub condition that matches " + sub
                + " and an aud condition that matches " + claims.aud();
    }

    private static String invalidToken(String message, IdTokenClaims claims) {
        String iss = claims == null ? null : claims.iss();
        if (message.contains("No OpenIDConnect provider found")) {
            return "create an IAM OIDC provider whose URL is exactly " + iss
                    + " (same case, no trailing slash) in the role's account";
        }
        if (message.contains("Incorrect token audience")) {
            return "add " + (claims == null ? "the token's aud" : claims.aud())
                    + " to the OIDC provider's client IDs, or request an audience it lists (audience option, GHA_OIDC_AUDIENCE)";
        }
        if (message.contains("Couldn't retrieve verification key")) {
            return "AWS could not fetch the keys of " + iss + " (/.well-known/openid-configuration and jwks); "
                    + "usually transient, it was retried";
        }
        if (message.contains("Missing a required claim: aud")) {
            return "request the ID token with an audience (default sts.amazonaws.com)";
        }
        return "the token source must return the raw JWT signed by the issuer's published keys";
    }
}
