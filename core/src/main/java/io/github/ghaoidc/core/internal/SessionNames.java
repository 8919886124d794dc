package io.github.ghaoidc.core.internal;

import java.util.ArrayList;
import java.util.List;

import io.github.ghaoidc.core.EnvironmentSource;

/** The default role session name, derived from the GitHub Actions run so CloudTrail shows which job it was. */
public final class SessionNames {

    /** Used when no GitHub run variables are present (the official action's default). */
    public static final String FALLBACK = "GitHubActions";

    private SessionNames() {
    }

    /**
     * {@code gha-<GITHUB_RUN_ID>-<GITHUB_RUN_ATTEMPT>-<GITHUB_JOB>}, each part present only when set,
     * characters outside {@code [\w+=,.@-]} replaced by {@code -}, cut to 64 characters.
     */
    public static String fromEnvironment(EnvironmentSource env) {
        List<String> parts = new ArrayList<>();
        env.environmentVariable("GITHUB_RUN_ID").ifPresent(parts::add);
        env.environmentVariable("GITHUB_RUN_ATTEMPT").ifPresent(parts::add);
        env.environmentVariable("GITHUB_JOB").ifPresent(parts::add);
        if (parts.isEmpty()) {
            return FALLBACK;
        }
        return sanitise("gha-" + String.join("-", parts));
    }

    /** Replaces characters STS does not accept with {@code -} and cuts to 64 characters. */
    public static String sanitise(String name) {
        String clean = name.replaceAll("[^\\w+=,.@-]", "-");
        return clean.length() > 64 ? clean.substring(0, 64) : clean;
    }
}
