package io.github.ghaoidc.emulator.config;

import io.github.ghaoidc.core.claims.SubjectCustomization;
import io.github.ghaoidc.core.claims.SubjectCustomization.PullRequestTargetSubject;
import java.util.List;
import java.util.Locale;

/**
 * {@code "subject": {"useDefault": false, "includeClaimKeys": ["repo","context"], "pullRequestTarget": "ref"}}.
 */
public record SubjectJson(Boolean useDefault, List<String> includeClaimKeys, String pullRequestTarget) {

    SubjectCustomization toCustomization(String where) {
        boolean keys = includeClaimKeys != null && !includeClaimKeys.isEmpty();
        if (Boolean.TRUE.equals(useDefault) && keys) {
            throw new ConfigException(where + ".subject: useDefault true and includeClaimKeys both set; choose one");
        }
        try {
            SubjectCustomization c = keys ? SubjectCustomization.includeClaimKeys(includeClaimKeys)
                    : SubjectCustomization.useDefault();
            if (Boolean.FALSE.equals(useDefault) && !keys) {
                throw new ConfigException(where + ".subject: useDefault false needs includeClaimKeys");
            }
            if (pullRequestTarget != null) {
                c = c.withPullRequestTarget(switch (pullRequestTarget.toLowerCase(Locale.ROOT)) {
                    case "pull_request", "pull-request" -> PullRequestTargetSubject.PULL_REQUEST;
                    case "ref" -> PullRequestTargetSubject.REF;
                    default -> throw new ConfigException(where + ".subject.pullRequestTarget must be pull_request or ref, got: '"
                            + pullRequestTarget + "'");
                });
            }
            return c;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ".subject: " + e.getMessage(), e);
        }
    }
}
