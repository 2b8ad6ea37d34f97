package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureDriftResult;
import io.visutility.drift.FeatureDriftTest;
import io.visutility.drift.FeatureReference;
import java.util.OptionalDouble;

/**
 * Population stability index, the sum over the reference's bins of (q - p) ln(q / p) for reference
 * proportion p and window proportion q. Proportions are floored at {@link #FLOOR} so a bin empty on one
 * side adds a large finite term instead of an infinite one.
 */
public final class PsiDrift implements FeatureDriftTest {
    /** The smallest proportion a bin is taken to have. */
    public static final double FLOOR = 1e-4;

    private final double threshold;

    /** See {@link FeatureDriftTest#psi(double)}. */
    public PsiDrift(double threshold) {
        if (!Double.isFinite(threshold) || threshold <= 0) {
            throw new DriftException("threshold of psi must be a finite number > 0, was " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "psi";
    }

    @Override
    public boolean supportsCategorical() {
        return true;
    }

    @Override
    public OptionalDouble threshold() {
        return OptionalDouble.of(threshold);
    }

    @Override
    public FeatureDriftResult compare(FeatureReference reference, double[] window) {
        Values.window(reference, window);
        double[] p = Values.proportions(Values.referenceCounts(reference));
        double[] q = Values.proportions(Values.windowCounts(reference, window));
        double psi = 0;
        for (int b = 0; b < p.length; b++) {
            double pb = Math.max(p[b], FLOOR);
            double qb = Math.max(q[b], FLOOR);
            psi += (qb - pb) * Math.log(qb / pb);
        }
        return new FeatureDriftResult(psi, Double.NaN);
    }

    @Override
    public String toString() {
        return "psi(threshold=" + threshold + ")";
    }
}
