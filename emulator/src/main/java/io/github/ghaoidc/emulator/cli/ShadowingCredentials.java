package io.github.ghaoidc.emulator.cli;

import io.github.ghaoidc.core.EnvironmentSource;
import java.io.PrintWriter;
import java.util.List;

/**
 * Variables that come before the container credentials endpoint in every AWS SDK's default chain and the AWS CLI's:
 * when a later step still has them (an earlier configure-aws-credentials step exports static keys), the tools use
 * them and never ask the endpoint. Named on stderr so the user can unset them.
 */
final class ShadowingCredentials {

    private static final List<String> AHEAD_OF_THE_ENDPOINT = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE");

    private ShadowingCredentials() {
    }

    static void warn(EnvironmentSource environment, PrintWriter err) {
        List<String> set = AHEAD_OF_THE_ENDPOINT.stream()
                .filter(name -> environment.environmentVariable(name).filter(v -> !v.isBlank()).isPresent()).toList();
        if (!set.isEmpty()) {
            err.println("gha-oidc credentials serve: warning: " + String.join(", ", set) + (set.size() == 1 ? " is" : " are")
                    + " set; every AWS SDK and the AWS CLI use " + (set.size() == 1 ? "it" : "them") + " before the "
                    + "container credentials endpoint, so unset " + (set.size() == 1 ? "it" : "them")
                    + " in the steps that should use the endpoint");
            err.flush();
        }
    }
}
