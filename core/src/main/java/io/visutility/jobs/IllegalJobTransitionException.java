package io.visutility.jobs;

/** A job was asked to move between two states the transition table does not connect. */
public class IllegalJobTransitionException extends SchedulerException {

    /** Creates the exception for job {@code jobId}. */
    public IllegalJobTransitionException(String jobId, JobState from, JobState to) {
        super("job " + jobId + " cannot move from " + from + " to " + to + "; allowed from " + from + ": "
                + from.allowedNext());
    }
}
