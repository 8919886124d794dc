package io.github.ghaoidc.core.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.regex.Pattern;

import io.github.ghaoidc.core.GitHubOidcException;

/** The limits STS enforces on AssumeRole* parameters, checked before any network call. */
public final class StsLimits {

    public static final int MIN_DURATION_SECONDS = 900;
    public static final int MAX_DURATION_SECONDS = 43_200;
    public static final int MAX_CHAINED_DURATION_SECONDS = 3_600;
    public static final int MAX_POLICY_CHARS = 2_048;
    public static final int MAX_POLICY_ARNS = 10;

    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::\\d{12}:role/[\\w+=,.@/-]+");
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws(-[a-z]+)*:iam::(\\d{12}|aws):policy/[\\w+=,.@/-]+");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private StsLimits() {
    }

    public static String roleArn(String value, String what) {
        if (value.length() < 20 || value.length() > 2048 || !ROLE_ARN.matcher(value).matches()) {
            throw new GitHubOidcException(what + " must be an IAM role ARN like "
                    + "arn:aws:iam::123456789012:role/deploy (20–2048 characters), got: " + value);
        }
        return value;
    }

    public static String sessionName(String value) {
        if (!SESSION_NAME.matcher(value).matches()) {
            throw new GitHubOidcException("roleSessionName must be 2–64 characters of letters, digits and "
                    + "+=,.@_- (STS pattern [\\w+=,.@-]{2,64}), got: '" + value + "' (" + value.length() + " characters)");
        }
        return value;
    }

    public static int durationSeconds(Duration value) {
        long seconds = value.getSeconds();
        if (value.getNano() != 0 || seconds < MIN_DURATION_SECONDS || seconds > MAX_DURATION_SECONDS) {
            throw new GitHubOidcException("sessionDuration must be a whole number of seconds from "
                    + MIN_DURATION_SECONDS + " (15 min) to " + MAX_DURATION_SECONDS + " (12 h), got: " + value);
        }
        return (int) seconds;
    }

    public static String sessionPolicy(String value) {
        if (value.isBlank() || value.length() > MAX_POLICY_CHARS) {
            throw new GitHubOidcException("sessionPolicy must be a JSON policy of 1–" + MAX_POLICY_CHARS
                    + " characters, got " + value.length() + " characters");
        }
        return value;
    }

    public static void policyArns(Collection<String> arns) {
        if (arns.size() > MAX_POLICY_ARNS) {
            throw new GitHubOidcException("policyArns may name at most " + MAX_POLICY_ARNS
                    + " managed policies, got " + arns.size());
        }
        for (String arn : arns) {
            if (arn == null || arn.length() < 20 || arn.length() > 2048 || !POLICY_ARN.matcher(arn).matches()) {
                throw new GitHubOidcException("policyArns must be IAM policy ARNs like "
                        + "arn:aws:iam::aws:policy/ReadOnlyAccess, got: " + arn);
            }
        }
    }

    public static void accountIds(Collection<String> ids) {
        for (String id : ids) {
            if (id == null || !ACCOUNT_ID.matcher(id).matches()) {
                throw new GitHubOidcException("allowedAccountIds must be 12-digit AWS account IDs, got: " + id);
            }
        }
    }

    /** The account ID field of an ARN ({@code arn:partition:service:region:account:resource}), or "". */
    public static String accountOf(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length == 6 ? parts[4] : "";
    }
}
