package io.github.ghaoidc.emulator.cli;

/**
 * A runtime failure that is not the user's input (a server that cannot be reached, an AWS error), already
 * described for the user in its message; the command line prints it on stderr and exits with
 * {@link #EXIT_FAILURE}.
 */
final class CliFailure extends RuntimeException {

    /** Exit code for failures that are not bad input. */
    static final int EXIT_FAILURE = 1;

    private static final long serialVersionUID = 1L;

    CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
