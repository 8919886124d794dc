package io.github.ghaoidc.emulator;

/**
 * The emulator module's one domain exception: the server could not start, a configuration or key file
 * was unusable, or a request to the facade was invalid. Messages never contain tokens or keys.
 */
public class EmulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmulatorException(String message) {
        super(message);
    }

    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
