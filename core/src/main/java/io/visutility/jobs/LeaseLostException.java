package io.visutility.jobs;

/**
 * A worker acted on a job it no longer holds: its lease expired and another worker claimed the job, or
 * the job was released, cancelled or finished meanwhile. Nothing was changed.
 */
public class LeaseLostException extends SchedulerException {

    /** Creates the exception for the claim {@code claimed}, which found the job as {@code current}. */
    public LeaseLostException(Job claimed, Job current) {
        super("job " + claimed.id() + " of model " + claimed.model() + " is no longer held by worker "
                + claimed.leaseOwner() + " on attempt " + claimed.attempts() + ": it is " + current.state()
                + (current.state() == JobState.RUNNING ? " under worker " + current.leaseOwner() + " on attempt "
                + current.attempts() : "") + "; nothing changed");
    }
}
