package io.visutility.metrics;

/**
 * Means over a sliding window of metric samples.
 *
 * @param samples   number of samples in the window
 * @param precision mean precision
 * @param recall    mean recall
 * @param f1        mean F1
 */
public record WindowSummary(int samples, double precision, double recall, double f1) {

    /** An empty window. */
    public static final WindowSummary EMPTY = new WindowSummary(0, 0, 0, 0);

    /** Mean of precision and recall, the quantity of the original rule. */
    public double average() {
        return (precision + recall) / 2.0;
    }
}
