package io.github.ghaoidc.testkit;

/**
 * A sandbox could not be started or provisioned, or a test asked it for something it cannot do; the message
 * says what and how to fix it, the cause carries the underlying error.
 */
public class TestkitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TestkitException(String message) {
        super(message);
    }

    public TestkitException(String message, Throwable cause) {
        super(message, cause);
    }
}
