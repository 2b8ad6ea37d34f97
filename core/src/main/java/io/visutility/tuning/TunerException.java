package io.visutility.tuning;

import io.visutility.VisutilityException;

/** A tuner could not propose parameters, or parameters do not fit their declared search space. */
public class TunerException extends VisutilityException {

    /** Creates the exception with a message naming the parameter and value. */
    public TunerException(String message) {
        super(message);
    }
}
