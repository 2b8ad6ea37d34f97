package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureDriftResult;
import io.visutility.drift.FeatureDriftTest;
import io.visutility.drift.FeatureReference;
import java.util.OptionalDouble;

/**
 * Wasserstein-1 distance between the reference sample and the window, divided by the reference's standard
 * deviation. In one dimension it is the area between the two empirical distribution functions, which one
 * merge of the sorted samples computes exactly (Hipparchus has no such distance).
 */
public final class WassersteinDrift implements FeatureDriftTest {
    private final double threshold;

    /** See {@link FeatureDriftTest#wasserstein(double)}. */
    public WassersteinDrift(double threshold) {
        if (!Double.isFinite(threshold) || threshold <= 0) {
            throw new DriftException("threshold of wasserstein must be a finite number > 0, was " + threshold);
        }
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "wasserstein";
    }

    @Override
    public boolean supportsCategorical() {
        return false;
    }

    @Override
    public OptionalDouble threshold() {
        return OptionalDouble.of(threshold);
    }

    @Override
    public FeatureDriftResult compare(FeatureReference reference, double[] window) {
        Values.window(reference, window);
        double[] sample = KolmogorovSmirnovDrift.sample(reference, name());
        double distance = distance(sample, Values.sortedCopy(window));
        double sd = reference.standardDeviation();
        double scaled = sd > 0 ? distance / sd : distance == 0 ? 0 : Double.POSITIVE_INFINITY;
        return new FeatureDriftResult(scaled, Double.NaN);
    }

    /** The Wasserstein-1 distance between the empirical distributions of two sorted, non-empty samples. */
    public static double distance(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        double x = Math.min(a[0], b[0]);
        double area = 0;
        while (true) {
            while (i < a.length && a[i] == x) {
                i++;
            }
            while (j < b.length && b[j] == x) {
                j++;
            }
            double next = Math.min(i < a.length ? a[i] : Double.POSITIVE_INFINITY,
                    j < b.length ? b[j] : Double.POSITIVE_INFINITY);
            if (next == Double.POSITIVE_INFINITY) {
                return area;
            }
            area += Math.abs((double) i / a.length - (double) j / b.length) * (next - x);
            x = next;
        }
    }

    @Override
    public String toString() {
        return "wasserstein(threshold=" + threshold + ")";
    }
}
