package io.visutility.jobs;

/** Does the work of one attempt of a job. Throwing fails the attempt; the scheduler decides on a retry. */
@FunctionalInterface
public interface JobHandler {

    /** Runs one attempt of {@code job}; should stop early when its thread is interrupted. */
    void run(Job job) throws Exception;
}
