package io.visutility.jobs;

import io.visutility.jobs.internal.InMemoryJobQueue;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Durable-in-spirit queue of retrain jobs with at most one active (QUEUED or RUNNING) job per model.
 * Every state change goes through {@link JobState}'s transition table.
 */
public interface JobQueue {

    /** A queue in memory. */
    static JobQueue inMemory(Clock clock) {
        return new InMemoryJobQueue(clock);
    }

    /** Queues a job for {@code model} unless one is active, in which case that one is returned. */
    EnqueueResult enqueue(String model, String triggerEventId, int maxAttempts);

    /** Claims the oldest claimable QUEUED job (its back-off over), moving it to RUNNING. */
    Optional<Job> claim();

    /** Marks a RUNNING job SUCCEEDED. */
    Job succeed(String jobId);

    /**
     * Records a failed attempt of a RUNNING job: back to QUEUED, claimable from {@code retryAt}, or
     * FAILED for good when {@code retryAt} is null.
     */
    Job fail(String jobId, String error, java.time.Instant retryAt);

    /** Cancels a QUEUED or RUNNING job. */
    Job cancel(String jobId);

    /** The job with {@code jobId}, if any. */
    Optional<Job> find(String jobId);

    /** The active job of {@code model}, if any. */
    Optional<Job> active(String model);

    /** Every job of {@code model}, oldest first; all jobs when {@code model} is null. */
    List<Job> list(String model);

    /** Earliest time a QUEUED job becomes claimable, if any job is queued. */
    Optional<java.time.Instant> nextClaimableAt();
}
