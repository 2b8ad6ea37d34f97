package io.visutility.registry;

import io.visutility.VisutilityException;

/** A registry or artifact store operation failed; the message names the model, version or sha256. */
public class RegistryException extends VisutilityException {

    /** Creates the exception. */
    public RegistryException(String message) {
        super(message);
    }

    /** Creates the exception wrapping its cause. */
    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
