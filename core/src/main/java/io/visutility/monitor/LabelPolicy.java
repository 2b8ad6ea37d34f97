package io.visutility.monitor;

import java.time.Duration;

/**
 * How predictions meet their late labels and how the labelled predictions are judged. A prediction waits
 * for its label up to {@code horizon} (by the times passed in) and then expires; a label that comes before
 * its prediction waits as long. The caps bound memory whatever the traffic: beyond them the oldest entry is
 * dropped and counted.
 *
 * @param horizon        how long a prediction waits for its label, and a label for its prediction
 * @param maxPending     most predictions kept waiting for a label per model
 * @param maxEarlyLabels most labels kept waiting for their prediction per model
 * @param window         labelled predictions in the window that precision, recall, F1 and accuracy are taken over
 * @param minLabelled    labelled predictions needed before the performance rule judges that window
 * @param threshold      a score at or above it predicts the positive class
 */
public record LabelPolicy(Duration horizon, int maxPending, int maxEarlyLabels, int window, int minLabelled,
                          double threshold) {

    /** Validates every field. */
    public LabelPolicy {
        if (horizon == null || horizon.isNegative() || horizon.isZero()) {
            throw new MonitorException("horizon must be a duration > 0, was " + horizon);
        }
        if (horizon.compareTo(Duration.ofDays(365)) > 0) {
            throw new MonitorException("horizon must be at most 365 days, was " + horizon);
        }
        atLeastOne("maxPending", maxPending);
        atLeastOne("maxEarlyLabels", maxEarlyLabels);
        atLeastOne("window", window);
        if (minLabelled < 1 || minLabelled > window) {
            throw new MonitorException("minLabelled must be within [1, window=" + window + "], was " + minLabelled);
        }
        if (!Double.isFinite(threshold) || threshold < 0 || threshold > 1) {
            throw new MonitorException("threshold must be within [0, 1], was " + threshold);
        }
    }

    /** Labels within an hour, 100 000 waiting predictions and 10 000 early labels, a window of 1 000 judged from 200, threshold 0.5. */
    public static LabelPolicy defaults() {
        return new LabelPolicy(Duration.ofHours(1), 100_000, 10_000, 1_000, 200, 0.5);
    }

    /** A copy with another horizon. */
    public LabelPolicy withHorizon(Duration horizon) {
        return new LabelPolicy(horizon, maxPending, maxEarlyLabels, window, minLabelled, threshold);
    }

    /** A copy with other caps on waiting predictions and early labels. */
    public LabelPolicy withCaps(int maxPending, int maxEarlyLabels) {
        return new LabelPolicy(horizon, maxPending, maxEarlyLabels, window, minLabelled, threshold);
    }

    /** A copy with another window size and minimum labelled count. */
    public LabelPolicy withWindow(int window, int minLabelled) {
        return new LabelPolicy(horizon, maxPending, maxEarlyLabels, window, minLabelled, threshold);
    }

    /** A copy with another decision threshold. */
    public LabelPolicy withThreshold(double threshold) {
        return new LabelPolicy(horizon, maxPending, maxEarlyLabels, window, minLabelled, threshold);
    }

    private static void atLeastOne(String field, int value) {
        if (value < 1) {
            throw new MonitorException(field + " must be >= 1, was " + value);
        }
    }
}
