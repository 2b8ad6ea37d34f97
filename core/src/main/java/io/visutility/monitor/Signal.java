package io.visutility.monitor;

/** A kind of evidence that may open an incident for a model; the policy says which ones are allowed to. */
public enum Signal {
    /** The degradation rule over a window of reported metrics or of labelled predictions. */
    PERFORMANCE_RULE,
    /** A drift detector reading the model's error stream (1 for a wrong labelled prediction, 0 for a right one). */
    ERROR_DETECTOR,
    /** A change in the distribution of the features the model is asked to score. */
    FEATURE_DRIFT
}
