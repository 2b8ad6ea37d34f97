package io.visutility.event;

import io.visutility.VisutilityException;

/** The event log could not be written or read; the message says which operation failed. */
public class EventLogException extends VisutilityException {

    /** Creates the exception. */
    public EventLogException(String message) {
        super(message);
    }

    /** Creates the exception wrapping its cause. */
    public EventLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
