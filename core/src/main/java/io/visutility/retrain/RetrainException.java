package io.visutility.retrain;

import io.visutility.VisutilityException;

/** A retrain attempt could not produce a candidate; the message says which step failed. */
public class RetrainException extends VisutilityException {

    /** Creates the exception. */
    public RetrainException(String message) {
        super(message);
    }

    /** Creates the exception wrapping its cause. */
    public RetrainException(String message, Throwable cause) {
        super(message, cause);
    }
}
