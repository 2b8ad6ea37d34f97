package io.visutility.jobs;

/** What asking for a job gave: a new job, or the one already active for the model. */
public sealed interface EnqueueResult {

    /** The job that now holds the model's slot. */
    Job job();

    /** A new job was queued. */
    record Enqueued(Job job) implements EnqueueResult {
    }

    /** A job was already queued or running for the model; nothing new was queued. */
    record AlreadyActive(Job job) implements EnqueueResult {
    }
}
