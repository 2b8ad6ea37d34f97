package io.visutility.jobs;

import io.visutility.jobs.internal.InMemoryJobQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A queue of retrain jobs with at most one active (QUEUED or RUNNING) job per model, handed to workers
 * under leases. A worker that stops renewing its lease loses the job: once the lease has run out, the
 * next claim takes it again and counts the lost attempt. Every state change follows {@link JobState}'s
 * transition table. Operations on a claimed job are fenced: they apply only while the stored job is
 * RUNNING under the same claim (same worker, same attempt), else they throw {@link LeaseLostException}
 * and change nothing, so a worker that was presumed dead can never overwrite its successor's work.
 */
public interface JobQueue {

    /** A queue in memory. */
    static JobQueue inMemory(Clock clock) {
        return new InMemoryJobQueue(clock);
    }

    /** Queues a job for {@code model} unless one is active, in which case that one is returned. */
    EnqueueResult enqueue(String model, String triggerEventId, int maxAttempts);

    /**
     * Claims for {@code worker}, until {@code lease} from now, the job claimable the longest: a QUEUED
     * job whose back-off is over, or a RUNNING job whose lease has run out. An expired lease counts as a
     * failed attempt; when it was the job's last attempt the job goes FAILED and the search goes on.
     */
    Optional<Job> claim(String worker, Duration lease);

    /** Renews the lease of a job this worker holds until {@code lease} from now; returns the renewed job. */
    Job heartbeat(Job claimed, Duration lease);

    /** Marks a job this worker holds SUCCEEDED. */
    Job succeed(Job claimed);

    /**
     * Records a failed attempt of a job this worker holds: back to QUEUED, claimable from {@code retryAt},
     * or FAILED for good when {@code retryAt} is null.
     */
    Job fail(Job claimed, String error, Instant retryAt);

    /**
     * Gives a job this worker holds back to the queue, claimable at once, without counting the attempt
     * (for a clean shutdown); the caller must not use {@code claimed} again.
     */
    Job release(Job claimed, String reason);

    /** Cancels a QUEUED or RUNNING job, whoever holds it; an operator's action. */
    Job cancel(String jobId);

    /** The job with {@code jobId}, if any. */
    Optional<Job> find(String jobId);

    /** The active job of {@code model}, if any. */
    Optional<Job> active(String model);

    /** Every job of {@code model}, oldest first; all jobs when {@code model} is null. */
    List<Job> list(String model);

    /** Earliest time a job becomes claimable (a back-off or a lease running out), if any job is active. */
    Optional<Instant> nextClaimableAt();
}
