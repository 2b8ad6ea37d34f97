package io.visutility.metrics;

/**
 * Counts of a binary confusion matrix, and the rates derived from them. A rate whose denominator is
 * zero is reported as 0.
 */
public record ConfusionCounts(long truePositives, long falsePositives, long trueNegatives, long falseNegatives) {

    /** Validates that no count is negative. */
    public ConfusionCounts {
        if (truePositives < 0 || falsePositives < 0 || trueNegatives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("confusion counts must be >= 0, were "
                    + truePositives + ", " + falsePositives + ", " + trueNegatives + ", " + falseNegatives);
        }
    }

    /** Counts predictions (score >= threshold means positive) against 0/1 labels. */
    public static ConfusionCounts of(double[] scores, int[] labels, double threshold) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            boolean actual = labels[i] == 1;
            if (predicted && actual) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionCounts(tp, fp, tn, fn);
    }

    /** Total number of predictions counted. */
    public long total() {
        return truePositives + falsePositives + trueNegatives + falseNegatives;
    }

    /** tp / (tp + fp). */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** tp / (tp + fn). */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** Harmonic mean of precision and recall. */
    public double f1() {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }

    /** (tp + tn) / total. */
    public double accuracy() {
        return ratio(truePositives + trueNegatives, total());
    }

    /** These counts as the metrics a model reports to the monitor. */
    public PerformanceMetrics toPerformanceMetrics() {
        return new PerformanceMetrics(precision(), recall(), f1());
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
