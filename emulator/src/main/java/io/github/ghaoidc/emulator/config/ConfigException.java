package io.github.ghaoidc.emulator.config;

import io.github.ghaoidc.emulator.EmulatorException;

/** A configuration file or admin request body was unusable; the message names the field and what is allowed. */
public final class ConfigException extends EmulatorException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
