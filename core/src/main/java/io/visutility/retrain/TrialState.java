package io.visutility.retrain;

/** Where a stored trial is: RUNNING from before training starts, then SUCCEEDED or FAILED, never back. */
public enum TrialState {
    /** Training has started and not been recorded as finished (or the process running it died). */
    RUNNING,
    /** Training produced a model and a score. */
    SUCCEEDED,
    /** Training failed, or the attempt running it ended first. */
    FAILED
}
