package io.visutility.drift;

/** What a detector concludes after one value: nothing changed, a change may be starting, or it happened. */
public enum DriftState {
    /** No evidence of change. */
    STABLE,
    /** Evidence of change below the drift level: a good moment to start collecting fresh data. */
    WARNING,
    /** A change: the detector has reset the part of its state that described the old distribution. */
    DRIFT
}
