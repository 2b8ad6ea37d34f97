package io.visutility.retrain;

/** Where a study is in its life: RUNNING until it has a best trial (FINISHED) or none succeeded (FAILED). */
public enum StudyState {
    /** Trials are still being asked for and trained. */
    RUNNING,
    /** The study ended with a best trial. */
    FINISHED,
    /** The study ended without any successful trial. */
    FAILED
}
