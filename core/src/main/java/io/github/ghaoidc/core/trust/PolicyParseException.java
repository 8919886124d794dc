package io.github.ghaoidc.core.trust;

/**
 * The text is not a trust policy this engine can read: invalid JSON, a wrong type for an element,
 * or a document beyond the engine's size and nesting limits. The message names the JSON path
 * (for example {@code $.Statement[1].Effect}) and what is allowed there.
 */
public final class PolicyParseException extends TrustPolicyException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    public PolicyParseException(String path, String reason) {
        this(path, reason, null);
    }

    public PolicyParseException(String path, String reason, Throwable cause) {
        super("Invalid trust policy at " + path + ": " + reason, cause);
        this.path = path;
        this.reason = reason;
    }

    /** JSON path of the offending element, {@code $} for the document itself. */
    public String path() {
        return path;
    }

    /** Why the element was refused, without the path. */
    public String reason() {
        return reason;
    }
}
