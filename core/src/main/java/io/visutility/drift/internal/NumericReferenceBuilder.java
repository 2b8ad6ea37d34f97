package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureReference;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Builds a {@link NumericReference}: a reservoir sample (Vitter's algorithm R) keeps a uniform sample of at
 * most {@code maxSample} values in bounded memory, and Welford's update keeps the mean and variance of all
 * values. A uniform sample keeps the tests on it exact tests of the reference distribution, which a
 * deterministic quantile sketch's rank error would not.
 */
public final class NumericReferenceBuilder implements FeatureReference.Builder {
    private static final int MAX_BINS = 1000;

    private final int bins;
    private final int maxSample;
    private final SplittableRandom random;
    private double[] sample = new double[16];
    private int filled;
    private long rows;
    private double mean;
    private double squares;

    /** See {@link FeatureReference#numeric(int, int, long)}. */
    public NumericReferenceBuilder(int bins, int maxSample, long seed) {
        if (bins < 2 || bins > MAX_BINS) {
            throw new DriftException("bins must be within [2, " + MAX_BINS + "], was " + bins);
        }
        if (maxSample < 2) {
            throw new DriftException("maxSample must be >= 2, was " + maxSample);
        }
        this.bins = bins;
        this.maxSample = maxSample;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void add(double raw) {
        double value = Values.finite("value", raw) + 0.0; // -0.0 is 0.0, as in the windows
        rows++;
        double delta = value - mean;
        mean += delta / rows;
        squares += delta * (value - mean);
        if (filled < maxSample) {
            if (filled == sample.length) {
                sample = Arrays.copyOf(sample, (int) Math.min(maxSample, 2L * sample.length));
            }
            sample[filled++] = value;
        } else {
            long slot = random.nextLong(rows);
            if (slot < maxSample) {
                sample[(int) slot] = value;
            }
        }
    }

    @Override
    public FeatureReference build() {
        if (rows < 2) {
            throw new DriftException("a reference needs at least 2 values, had " + rows);
        }
        double[] sorted = Arrays.copyOf(sample, filled);
        Arrays.sort(sorted);
        double[] edges = quantileEdges(sorted, bins);
        long[] counts = new long[edges.length + 1];
        for (double v : sorted) {
            counts[NumericReference.bin(edges, v)]++;
        }
        return new NumericReference(sorted, edges, counts, rows, Math.sqrt(squares / (rows - 1)));
    }

    /** Upper edges of the first bins - 1 quantile bins, without repeats (ties would leave bins empty by construction). */
    static double[] quantileEdges(double[] sorted, int bins) {
        double[] edges = new double[bins - 1];
        int n = 0;
        for (int k = 1; k < bins; k++) {
            int at = (int) Math.ceil((double) k * sorted.length / bins) - 1;
            double edge = sorted[Math.max(at, 0)];
            if (n == 0 || edge > edges[n - 1]) {
                edges[n++] = edge;
            }
        }
        return Arrays.copyOf(edges, n);
    }
}
