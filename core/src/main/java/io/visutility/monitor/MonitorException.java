package io.visutility.monitor;

import io.visutility.VisutilityException;

/** A monitor setting or call is invalid; the message names the field and value. */
public class MonitorException extends VisutilityException {

    /** Creates the exception. */
    public MonitorException(String message) {
        super(message);
    }
}
