package io.visutility.server.config;

import io.visutility.VisutilityException;

/** The configuration is invalid; the message names the key path and the value. */
public class ConfigException extends VisutilityException {
    /** @param message what is wrong, with the key path and the value */
    public ConfigException(String message) {
        super(message);
    }
}
