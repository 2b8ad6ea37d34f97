package io.visutility.jobs;

import java.time.Instant;
import java.util.Objects;

/**
 * A retrain job as stored in the queue. A RUNNING job carries the lease of the worker that claimed it;
 * every other state carries none.
 *
 * @param id             unique id
 * @param model          the model to retrain
 * @param state          where it is in its life
 * @param attempts       attempts started so far (a released attempt is not counted)
 * @param maxAttempts    attempts allowed before it fails for good
 * @param triggerEventId the event that caused it (usually a DriftDetected), or null for a manual request
 * @param createdAt      when it was queued
 * @param updatedAt      when it last changed
 * @param notBefore      earliest time a worker may claim it (back-off after a failed attempt)
 * @param lastError      why the last attempt ended without success, or null
 * @param leaseOwner     the worker holding the job, null unless RUNNING
 * @param leaseUntil     when that worker's lease runs out unless renewed, null unless RUNNING
 */
public record Job(String id, String model, JobState state, int attempts, int maxAttempts, String triggerEventId,
                  Instant createdAt, Instant updatedAt, Instant notBefore, String lastError, String leaseOwner,
                  Instant leaseUntil) {

    /** Checks that a lease is held exactly when the job is RUNNING. */
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        if ((state == JobState.RUNNING) != (leaseOwner != null && leaseUntil != null)) {
            throw new SchedulerException("job " + id + " in state " + state + " must "
                    + (state == JobState.RUNNING ? "" : "not ") + "have a lease, had owner " + leaseOwner
                    + " until " + leaseUntil);
        }
    }

    /** A new QUEUED job, claimable from {@code now}. */
    public static Job queued(String id, String model, int maxAttempts, String triggerEventId, Instant now) {
        return new Job(id, model, JobState.QUEUED, 0, maxAttempts, triggerEventId, now, now, now, null, null, null);
    }

    /** A copy in another state without a lease, stamped {@code now}; RUNNING is reached only by {@link #claimedBy}. */
    public Job moveTo(JobState next, Instant now) {
        if (!state.canMoveTo(next) || next == JobState.RUNNING) {
            throw new IllegalJobTransitionException(id, state, next);
        }
        return new Job(id, model, next, attempts, maxAttempts, triggerEventId, createdAt, now, notBefore, lastError,
                null, null);
    }

    /** A copy of this QUEUED job claimed by {@code worker} until {@code leaseUntil}, with one more attempt counted. */
    public Job claimedBy(String worker, Instant leaseUntil, Instant now) {
        if (!state.canMoveTo(JobState.RUNNING)) {
            throw new IllegalJobTransitionException(id, state, JobState.RUNNING);
        }
        return new Job(id, model, JobState.RUNNING, attempts + 1, maxAttempts, triggerEventId, createdAt, now,
                notBefore, lastError, worker, leaseUntil);
    }

    /** A copy of this RUNNING job with its lease renewed until {@code until}. */
    public Job withLeaseUntil(Instant until, Instant now) {
        return new Job(id, model, state, attempts, maxAttempts, triggerEventId, createdAt, now, notBefore, lastError,
                leaseOwner, until);
    }

    /** A copy recording why the attempt ended and the earliest time of the next one (kept if null). */
    public Job withFailure(String error, Instant retryAt) {
        return new Job(id, model, state, attempts, maxAttempts, triggerEventId, createdAt, updatedAt,
                retryAt == null ? notBefore : retryAt, error, leaseOwner, leaseUntil);
    }

    /** A copy with the last attempt taken back, as if it had never started. */
    public Job withoutLastAttempt() {
        return new Job(id, model, state, Math.max(0, attempts - 1), maxAttempts, triggerEventId, createdAt,
                updatedAt, notBefore, lastError, leaseOwner, leaseUntil);
    }

    /**
     * What an expired lease leaves of this RUNNING job: the attempt counted as failed, and the job QUEUED
     * (claimable since the lease ran out) or, after its last attempt, FAILED.
     */
    public Job afterLeaseExpired(Instant now) {
        String error = "lease of worker " + leaseOwner + " expired at " + leaseUntil + " on attempt " + attempts
                + "/" + maxAttempts;
        JobState next = attempts < maxAttempts ? JobState.QUEUED : JobState.FAILED;
        return moveTo(next, now).withFailure(error, leaseUntil);
    }

    /** This RUNNING job given back by its worker: QUEUED, claimable at once, its attempt not counted. */
    public Job released(String reason, Instant now) {
        return moveTo(JobState.QUEUED, now).withoutLastAttempt()
                .withFailure("released by worker " + leaseOwner + ": " + reason, now);
    }

    /** Whether this job is RUNNING under the same claim as {@code claimed}: same worker, same attempt. */
    public boolean heldBy(Job claimed) {
        return state == JobState.RUNNING && id.equals(claimed.id()) && Objects.equals(leaseOwner, claimed.leaseOwner())
                && attempts == claimed.attempts();
    }

    /** Whether this job's lease has run out at {@code now}. */
    public boolean leaseExpired(Instant now) {
        return state == JobState.RUNNING && !leaseUntil.isAfter(now);
    }
}
