package io.visutility.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A model's reported quality over some batch of labelled traffic: precision, recall and F1, each a
 * finite number in [0, 1]. Invalid values are rejected at construction.
 *
 * @param precision fraction of positive predictions that were right
 * @param recall    fraction of actual positives that were found
 * @param f1Score   harmonic mean of precision and recall as reported by the caller
 */
public record PerformanceMetrics(
        double precision,
        double recall,
        @JsonProperty("f1_score") double f1Score) {

    /** Validates every field. */
    public PerformanceMetrics {
        Checks.unitInterval("precision", precision);
        Checks.unitInterval("recall", recall);
        Checks.unitInterval("f1_score", f1Score);
    }

    /** Builds metrics from precision and recall, computing F1 (0 when both are 0). */
    public static PerformanceMetrics of(double precision, double recall) {
        double sum = precision + recall;
        return new PerformanceMetrics(precision, recall, sum == 0 ? 0 : 2 * precision * recall / sum);
    }

    /** The average of precision and recall, the quantity the original rule compares. */
    public double average() {
        return (precision + recall) / 2.0;
    }

    /** The original design's rule: the average of precision and recall is below {@code minAvg}. */
    public boolean isDegraded(double minAvg) {
        return average() < minAvg;
    }
}
