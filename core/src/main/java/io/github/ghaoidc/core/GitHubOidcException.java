package io.github.ghaoidc.core;

/**
 * The one exception the core library throws at its boundary: configuration that cannot work, an ID token
 * that cannot be fetched, or an STS exchange that failed. The message says what went wrong and what to do;
 * it never contains a JWT, a request token, a secret key or a session token. The underlying failure, if
 * any, is the {@linkplain #getCause() cause}.
 */
public class GitHubOidcException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final boolean configurationError;

    public GitHubOidcException(String message) {
        this(message, null, null);
    }

    public GitHubOidcException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param errorCode the AWS STS error code (e.g. {@code AccessDenied}) when the failure came from STS,
     *                  else {@code null}
     */
    public GitHubOidcException(String message, String errorCode, Throwable cause) {
        this(message, errorCode, cause, false);
    }

    private GitHubOidcException(String message, String errorCode, Throwable cause, boolean configurationError) {
        super(message, cause);
        this.errorCode = errorCode;
        this.configurationError = configurationError;
    }

    /**
     * A failure caused by configuration rather than by an exchange: a missing or invalid setting, or an ID
     * token file that cannot be read. See {@link #isConfigurationError()}.
     */
    public static GitHubOidcException configuration(String message, Throwable cause) {
        return new GitHubOidcException(message, null, cause, true);
    }

    /**
     * Whether the failure is the configuration's (a missing or invalid setting, an unreadable token file) rather
     * than an exchange that failed: retrying cannot help until the configuration changes. Failures of
     * {@code build()} are always configuration errors, whatever this returns.
     */
    public boolean isConfigurationError() {
        return configurationError;
    }

    /** The AWS STS error code behind this failure ({@code AccessDenied}, ...), or {@code null} if none. */
    public String errorCode() {
        return errorCode;
    }
}
