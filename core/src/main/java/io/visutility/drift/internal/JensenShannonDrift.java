package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureDriftResult;
import io.visutility.drift.FeatureDriftTest;
import io.visutility.drift.FeatureReference;
import java.util.OptionalDouble;

/**
 * Jensen-Shannon distance between the reference's and the window's bin proportions: the square root of the
 * mean Kullback-Leibler divergence, in bits, of each from their average. Bounded by 1 and defined with
 * empty bins, so it needs no smoothing.
 */
public final class JensenShannonDrift implements FeatureDriftTest {
    private static final double LN2 = Math.log(2);

    private final double threshold;

    /** See {@link FeatureDriftTest#jensenShannon(double)}. */
    public JensenShannonDrift(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new DriftException("threshold of js must be within (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "js";
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
        double divergence = 0;
        for (int b = 0; b < p.length; b++) {
            double m = (p[b] + q[b]) / 2;
            divergence += term(p[b], m) + term(q[b], m);
        }
        divergence /= 2 * LN2;
        // rounding can leave a hair outside [0, 1]
        return new FeatureDriftResult(Math.sqrt(Math.min(1, Math.max(0, divergence))), Double.NaN);
    }

    private static double term(double x, double m) {
        return x > 0 ? x * Math.log(x / m) : 0;
    }

    @Override
    public String toString() {
        return "js(threshold=" + threshold + ")";
    }
}
