package io.visutility.jobs;

import io.visutility.VisutilityException;

/** A job operation was refused or failed; the message names the job and its state. */
public class SchedulerException extends VisutilityException {

    /** Creates the exception. */
    public SchedulerException(String message) {
        super(message);
    }
}
