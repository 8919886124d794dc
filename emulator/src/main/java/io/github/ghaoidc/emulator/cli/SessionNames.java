package io.github.ghaoidc.emulator.cli;

import java.util.regex.Pattern;

/** STS's rule for RoleSessionName, and the name {@code trust eval} uses when none is given. */
final class SessionNames {

    /**
     * The session name evaluated when none is given: STS requires RoleSessionName, so the request
     * context always holds {@code sts:RoleSessionName}.
     */
    static final String DEFAULT = "gha-oidc-eval";

    private static final Pattern RULE = Pattern.compile("[\\w+=,.@-]{2,64}");

    private SessionNames() {
    }

    /** {@code name}, or {@link #DEFAULT} for null; refuses what STS refuses, naming the rule. */
    static String check(String name, String what) {
        if (name == null) {
            return DEFAULT;
        }
        if (!RULE.matcher(name).matches()) {
            String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
            throw new CliException(what + " must be 2-64 characters of letters, digits and +=,.@_- as STS requires "
                    + "for RoleSessionName ([\\w+=,.@-]{2,64}), got \"" + shown + "\" (" + name.length()
                    + (name.length() == 1 ? " character)" : " characters)"));
        }
        return name;
    }
}
