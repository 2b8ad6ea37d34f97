package io.visutility.drift;

import io.visutility.VisutilityException;

/** A detector or drift test was given a bad parameter, a bad value, or a snapshot it cannot restore. */
public class DriftException extends VisutilityException {

    /** Creates the exception with a message naming the field and the bad value. */
    public DriftException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public DriftException(String message, Throwable cause) {
        super(message, cause);
    }
}
