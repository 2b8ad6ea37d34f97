package io.visutility.jobs;

import java.time.Instant;

/**
 * A retrain job as stored in the queue.
 *
 * @param id             unique id
 * @param model          the model to retrain
 * @param state          where it is in its life
 * @param attempts       attempts started so far
 * @param maxAttempts    attempts allowed before it fails for good
 * @param triggerEventId the event that caused it (usually a DriftDetected), or null for a manual request
 * @param createdAt      when it was queued
 * @param updatedAt      when its state last changed
 * @param notBefore      earliest time a worker may claim it (back-off after a failed attempt)
 * @param lastError      why the last attempt failed, or null
 */
public record Job(String id, String model, JobState state, int attempts, int maxAttempts, String triggerEventId,
                  Instant createdAt, Instant updatedAt, Instant notBefore, String lastError) {

    /** A copy in another state, stamped {@code now}. */
    public Job moveTo(JobState next, Instant now) {
        if (!state.canMoveTo(next)) {
            throw new IllegalJobTransitionException(id, state, next);
        }
        return new Job(id, model, next, attempts, maxAttempts, triggerEventId, createdAt, now, notBefore, lastError);
    }

    /** A copy with one more attempt counted. */
    public Job withAttemptStarted() {
        return new Job(id, model, state, attempts + 1, maxAttempts, triggerEventId, createdAt, updatedAt, notBefore,
                lastError);
    }

    /** A copy recording a failure and the earliest time of the next attempt. */
    public Job withFailure(String error, Instant retryAt) {
        return new Job(id, model, state, attempts, maxAttempts, triggerEventId, createdAt, updatedAt,
                retryAt == null ? notBefore : retryAt, error);
    }
}
