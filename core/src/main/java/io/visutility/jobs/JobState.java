package io.visutility.jobs;

import java.util.EnumSet;
import java.util.Set;

/**
 * The states of a job and the only moves between them:
 * <pre>
 * QUEUED  -> RUNNING | CANCELLED
 * RUNNING -> SUCCEEDED | FAILED | QUEUED (retry after back-off) | CANCELLED
 * SUCCEEDED, FAILED, CANCELLED: final
 * </pre>
 */
public enum JobState {
    /** Waiting for a worker (possibly until a back-off time). */
    QUEUED,
    /** Claimed by a worker. */
    RUNNING,
    /** Finished; its outcome is recorded. */
    SUCCEEDED,
    /** Failed for good, after its last attempt. */
    FAILED,
    /** Stopped on request. */
    CANCELLED;

    /** The states this one may move to. */
    public Set<JobState> allowedNext() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, QUEUED, CANCELLED);
            case SUCCEEDED, FAILED, CANCELLED -> EnumSet.noneOf(JobState.class);
        };
    }

    /** Whether the table allows moving from this state to {@code next}. */
    public boolean canMoveTo(JobState next) {
        return allowedNext().contains(next);
    }

    /** Whether the job still holds its model's single retrain slot. */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
