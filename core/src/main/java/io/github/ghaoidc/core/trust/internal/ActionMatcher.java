package io.github.ghaoidc.core.trust.internal;

import java.util.List;
import java.util.Locale;

/** {@code Action}/{@code NotAction} compiled once: case-insensitive wildcard match on {@code service:action}. */
public final class ActionMatcher {
    private final Glob[] globs;
    private final boolean negated;
    private final boolean absent;

    private ActionMatcher(Glob[] globs, boolean negated, boolean absent) {
        this.globs = globs;
        this.negated = negated;
        this.absent = absent;
    }

    public static ActionMatcher compile(List<String> action, List<String> notAction) {
        List<String> list = action != null ? action : notAction;
        if (list == null) {
            return new ActionMatcher(new Glob[0], false, true);
        }
        Glob[] globs = new Glob[list.size()];
        for (int i = 0; i < globs.length; i++) {
            globs[i] = Glob.of(list.get(i).toLowerCase(Locale.ROOT), false);
        }
        return new ActionMatcher(globs, action == null, false);
    }

    /** Whether the statement applies to the (lower-cased) action. A statement with neither element matches nothing. */
    public boolean matches(String actionLower) {
        if (absent) {
            return false;
        }
        boolean any = false;
        for (Glob g : globs) {
            if (g.matches(actionLower)) {
                any = true;
                break;
            }
        }
        return any != negated;
    }
}
