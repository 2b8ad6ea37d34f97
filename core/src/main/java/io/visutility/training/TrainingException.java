package io.visutility.training;

import io.visutility.VisutilityException;

/** Training could not run or produced no usable model; the message says which input or step failed. */
public class TrainingException extends VisutilityException {

    /** Creates the exception with a message naming the bad input. */
    public TrainingException(String message) {
        super(message);
    }

    /** Creates the exception wrapping the underlying failure. */
    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
