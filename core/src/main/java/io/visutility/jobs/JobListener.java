package io.visutility.jobs;

/** Hears about jobs moving through their life; every method defaults to doing nothing. */
public interface JobListener {

    /** A new job was queued. */
    default void onQueued(Job job) {
    }

    /** An attempt started on a worker. */
    default void onStarted(Job job) {
    }

    /** The job finished. */
    default void onSucceeded(Job job) {
    }

    /** An attempt failed; {@code willRetry} says whether another attempt is queued. */
    default void onFailed(Job job, Throwable error, boolean willRetry) {
    }

    /** The job was cancelled. */
    default void onCancelled(Job job) {
    }
}
