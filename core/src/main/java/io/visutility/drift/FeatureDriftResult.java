package io.visutility.drift;

/**
 * What one {@link FeatureDriftTest} found for one feature: its statistic and, for the tests that have one,
 * the p-value of "the window comes from the reference's distribution". Tests without a p-value (PSI,
 * Jensen-Shannon, Wasserstein) report {@link Double#NaN} and are decided by their threshold instead.
 *
 * @param statistic the test's statistic, {@code >= 0}, possibly infinite (a scale-free distance to a
 *                  constant reference)
 * @param pValue    in [0, 1], or NaN when the test has no p-value
 */
public record FeatureDriftResult(double statistic, double pValue) {

    /** Validates both fields. */
    public FeatureDriftResult {
        if (Double.isNaN(statistic) || statistic < 0) {
            throw new DriftException("statistic must be >= 0, was " + statistic);
        }
        if (!Double.isNaN(pValue) && (pValue < 0 || pValue > 1)) {
            throw new DriftException("pValue must be within [0, 1] or NaN, was " + pValue);
        }
    }

    /** Whether the test gave a p-value. */
    public boolean hasPValue() {
        return !Double.isNaN(pValue);
    }
}
