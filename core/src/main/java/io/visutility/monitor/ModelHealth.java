package io.visutility.monitor;

/**
 * The monitor's state for one model: HEALTHY -> DEGRADED (an incident is open) -> RETRAINING (a job
 * runs) -> HEALTHY (a new champion serves). A DEGRADED model recovers to HEALTHY on its own when its
 * window clears the re-arm level; a retrain that fails or is not promoted goes back to DEGRADED.
 */
public enum ModelHealth {
    /** Within policy; a degraded window opens an incident. */
    HEALTHY,
    /** An incident is open and no retrain is running. */
    DEGRADED,
    /** A retrain job is running for the open incident. */
    RETRAINING
}
