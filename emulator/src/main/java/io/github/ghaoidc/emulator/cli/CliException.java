package io.github.ghaoidc.emulator.cli;

/**
 * Bad input to a command: the message is one line saying what was wrong and what is allowed; the
 * command line prints it on stderr and exits with {@link #EXIT_INPUT}.
 */
public final class CliException extends RuntimeException {

    /** Exit code for usage and input errors. */
    public static final int EXIT_INPUT = 2;

    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
