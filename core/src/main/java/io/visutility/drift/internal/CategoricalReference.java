package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureReference;
import java.util.Arrays;

/** A categorical feature's summary: sorted kept codes with their counts, then the count of all others. */
final class CategoricalReference implements FeatureReference {
    private final long[] codes;
    private final long[] counts;
    private final long rows;

    CategoricalReference(long[] sortedCodes, long[] counts, long rows) {
        this.codes = sortedCodes;
        this.counts = counts;
        this.rows = rows;
    }

    static int checkBin(int bin, int bins) {
        if (bin < 0 || bin >= bins) {
            throw new DriftException("bin must be within [0, " + bins + "), was " + bin);
        }
        return bin;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public boolean categorical() {
        return true;
    }

    @Override
    public int bins() {
        return counts.length;
    }

    @Override
    public long binCount(int bin) {
        return counts[checkBin(bin, counts.length)];
    }

    @Override
    public int binOf(double value) {
        // a value that is no whole number is no kept category either
        int at = value == Math.rint(value) ? Arrays.binarySearch(codes, (long) value) : -1;
        return at >= 0 ? at : codes.length;
    }

    @Override
    public double[] sortedSample() {
        return new double[0];
    }

    @Override
    public double standardDeviation() {
        return Double.NaN;
    }

    @Override
    public String toString() {
        return "CategoricalReference[rows=" + rows + ", categories=" + codes.length + ", other=" + counts[codes.length] + "]";
    }
}
