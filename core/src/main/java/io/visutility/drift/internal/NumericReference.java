package io.visutility.drift.internal;

import io.visutility.drift.FeatureReference;
import java.util.Arrays;

/** A numeric feature's summary: sorted sample, quantile bin edges with the sample's counts, row count, spread. */
final class NumericReference implements FeatureReference {
    private final double[] sample;
    private final double[] edges;
    private final long[] counts;
    private final long rows;
    private final double standardDeviation;

    NumericReference(double[] sortedSample, double[] edges, long[] counts, long rows, double standardDeviation) {
        this.sample = sortedSample;
        this.edges = edges;
        this.counts = counts;
        this.rows = rows;
        this.standardDeviation = standardDeviation;
    }

    /** Bin i holds the values in (edges[i - 1], edges[i]]; the first and last bins are open-ended. */
    static int bin(double[] edges, double value) {
        int at = Arrays.binarySearch(edges, value);
        return at >= 0 ? at : -at - 1;
    }

    /** The sorted sample itself, for tests in this package that only read it. */
    double[] sampleView() {
        return sample;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public boolean categorical() {
        return false;
    }

    @Override
    public int bins() {
        return counts.length;
    }

    @Override
    public long binCount(int bin) {
        return counts[CategoricalReference.checkBin(bin, counts.length)];
    }

    @Override
    public int binOf(double value) {
        return bin(edges, value);
    }

    @Override
    public double[] sortedSample() {
        return sample.clone();
    }

    @Override
    public double standardDeviation() {
        return standardDeviation;
    }

    @Override
    public String toString() {
        return "NumericReference[rows=" + rows + ", sample=" + sample.length + ", bins=" + counts.length + "]";
    }
}
