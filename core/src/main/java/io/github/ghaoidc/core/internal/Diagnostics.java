package io.github.ghaoidc.core.internal;

import io.github.ghaoidc.core.GitHubOidcException;

/**
 * Turns a failed STS call into one exception whose message names the role, the STS error code, the ID
 * token's claims (never the token) and the likely fix for that code.
 */
public final class Diagnostics {

    private Diagnostics() {
    }

    /** What was being attempted when STS failed. */
    public record Context(String operation, String roleArn, String firstRoleArn, IdTokenClaims claims,
                          String region, String endpoint) {
    }

    public static GitHubOidcException failure(Context context, RetryLoop.GiveUp giveUp) {
        Throwable failure = giveUp.lastFailure();
        String code = StsErrors.code(failure);
        StringBuilder message = new StringBuilder(context.operation()).append(" for ").append(context.roleArn())
                .append(" failed: ").append(code == null ? "no answer from STS" : code)
                .append(" (").append(oneLine(StsErrors.message(failure))).append(")");
        message.append(" after ").append(giveUp.attempts()).append(giveUp.attempts() == 1 ? " attempt" : " attempts");
        if (giveUp.deadlineReached()) {
            message.append(", the time budget ran out");
        }
        message.append(". ID token claims: ").append(context.claims() == null ? "(no token fetched)" : context.claims().summary());
        message.append(". Likely fix: ").append(FixAdvisor.fix(code, StsErrors.message(failure), context, failure));
        return new GitHubOidcException(message.toString(), code, failure);
    }

    /** A failure of one of the provider's own post-exchange checks (account guard, caller identity). */
    public static GitHubOidcException check(Context context, String problem) {
        return new GitHubOidcException(problem + ". ID token claims: "
                + (context.claims() == null ? "(no token fetched)" : context.claims().summary()));
    }

    static String oneLine(String text) {
        String clean = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return clean.length() > 300 ? clean.substring(0, 300) + "…" : clean;
    }
}
