package io.github.ghaoidc.emulator.aws.internal.sts;

import java.util.function.Supplier;

/**
 * The trust engine's answer. The explanation is rendered only when asked for (admin API, DEBUG log), so the
 * fast evaluation path stays fast.
 *
 * @param allowed     whether the assume request is granted
 * @param decision    the engine's decision name ({@code ALLOW}, {@code EXPLICIT_DENY}, {@code IMPLICIT_DENY})
 * @param explanation the engine's human-readable explanation (never contains the token), computed at most once
 */
public record TrustVerdict(boolean allowed, String decision, Supplier<String> explanation) {

    /** A denial whose explanation is known up front (e.g. the role does not exist). */
    static TrustVerdict implicitDeny(String explanation) {
        return new TrustVerdict(false, "IMPLICIT_DENY", () -> explanation);
    }

    /** Wraps {@code supplier} so it runs at most once. */
    static Supplier<String> memoize(Supplier<String> supplier) {
        return new Supplier<>() {
            private volatile String value;

            @Override
            public String get() {
                String v = value;
                if (v == null) {
                    v = supplier.get();
                    value = v;
                }
                return v;
            }
        };
    }
}
