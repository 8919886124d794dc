package io.github.ghaoidc.core.trust.internal;

import java.util.List;
import java.util.regex.Pattern;

/** Which principal values IAM accepts in a role trust policy, and the message when it does not. */
final class PrincipalSyntax {
    static final String INVALID_PRINCIPAL = "Invalid principal in policy";
    static final String INVALID_FEDERATED = "Federated principals must be valid domain names or SAML metadata ARNs";

    private static final String PARTITION = "aws(?:-cn|-us-gov|-iso(?:-[a-z])?|-eusc)?";
    private static final Pattern PROVIDER_ARN = Pattern.compile("arn:" + PARTITION
            + ":iam::\\d{12}:(?:oidc-provider/[A-Za-z0-9.-]+(?:/[^\\s:]*)?|saml-provider/[\\w+=,.@-]+)");
    private static final Pattern DOMAIN = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");
    private static final Pattern AWS_PRINCIPAL = Pattern.compile("\\*|\\d{12}|arn:" + PARTITION
            + ":(?:iam::\\d{12}:(?:root|user/\\S+|role/\\S+)|sts::\\d{12}:(?:assumed-role|federated-user)/\\S+)");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9.-]*\\.amazonaws\\.com(?:\\.cn)?");
    private static final Pattern CANONICAL_USER = Pattern.compile("[0-9a-f]{64}");

    private PrincipalSyntax() {
    }

    /** The message for the first bad value of a principal type, or {@code null} when all are accepted. */
    static String check(String type, List<String> values) {
        if (values.isEmpty()) {
            return INVALID_PRINCIPAL;
        }
        for (String v : values) {
            switch (type) {
                case "Federated":
                    if (!PROVIDER_ARN.matcher(v).matches() && !DOMAIN.matcher(v).matches()) {
                        return INVALID_FEDERATED;
                    }
                    break;
                case "AWS":
                    if (!AWS_PRINCIPAL.matcher(v).matches()) {
                        return INVALID_PRINCIPAL;
                    }
                    break;
                case "Service":
                    if (!SERVICE.matcher(v).matches()) {
                        return INVALID_PRINCIPAL;
                    }
                    break;
                case "CanonicalUser":
                    if (!CANONICAL_USER.matcher(v).matches()) {
                        return INVALID_PRINCIPAL;
                    }
                    break;
                default:
                    return INVALID_PRINCIPAL;
            }
        }
        return null;
    }
}
