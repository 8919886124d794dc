package io.github.ghaoidc.emulator.aws.internal.sts;

/**
 * The trust engine's answer.
 *
 * @param allowed     whether the assume request is granted
 * @param decision    the engine's decision name ({@code ALLOW}, {@code EXPLICIT_DENY}, {@code IMPLICIT_DENY})
 * @param explanation the engine's human-readable explanation (never contains the token)
 */
public record TrustVerdict(boolean allowed, String decision, String explanation) {
}
