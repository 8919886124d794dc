package io.github.ghaoidc.emulator.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the core library's configuration messages for {@code gha-oidc credentials} users: the builder
 * methods a library user would call become the command's flags. Environment variable and system property names
 * stay, since they work for the command too.
 */
final class CredentialsErrors {

    /** What a library message suggests calling in code, and what a command-line user passes instead. */
    private static final Map<String, String> ADVICE = new LinkedHashMap<>();

    /** Builder setting names in build-time messages (values that came from flags), as flags. */
    private static final Map<String, String> SETTINGS = new LinkedHashMap<>();

    static {
        ADVICE.put("pass roleArn(...)", "pass --role-arn ARN");
        ADVICE.put("pass region(...)", "pass --region REGION (the AWS CLI does not pass a profile's region "
                + "to credential_process)");
        ADVICE.put("pass tokenSource(...)", "pass --token-file FILE");
        SETTINGS.put("chainedRoleArn", "--chained-role-arn");
        SETTINGS.put("roleArn", "--role-arn");
        SETTINGS.put("roleSessionName", "--session-name");
        SETTINGS.put("sessionDuration", "--duration");
        SETTINGS.put("audience", "--audience");
        SETTINGS.put("stsEndpoint", "--sts-endpoint");
    }

    private static final Pattern SETTING = Pattern.compile("(?<![\\w.-])(" + String.join("|", SETTINGS.keySet()) + ")\\b");

    private CredentialsErrors() {
    }

    /** A configuration problem found when the provider was used: only the advice on what to call changes. */
    static String deferred(String message) {
        String result = oneLine(message);
        for (var entry : ADVICE.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }

    /** A value given on the command line was refused: the setting is named by its flag. */
    static String invalidFlag(String message) {
        Matcher m = SETTING.matcher(deferred(message));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(SETTINGS.get(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
