package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import java.util.Arrays;

/**
 * ADWIN's exponential histogram in flat arrays: row i holds buckets of 2^i values, oldest first, each
 * with its sum and its variance sum. Flat arrays rather than linked bucket objects so that an update
 * allocates nothing; rows are added by doubling the arrays, which happens O(log n) times in all.
 */
public final class AdwinBuckets {
    private static final int MAX_ROWS = 62;

    private final int capacity;
    private double[] totals;
    private double[] variances;
    private int[] counts;
    private int rows;
    private long width;
    private double total;
    private double variance;

    /** An empty histogram keeping at most {@code maxBuckets} buckets of each size once compressed. */
    public AdwinBuckets(int maxBuckets) {
        this.capacity = maxBuckets + 1;
        allocate(4);
    }

    private void allocate(int rowCapacity) {
        totals = new double[rowCapacity * capacity];
        variances = new double[rowCapacity * capacity];
        counts = new int[rowCapacity];
    }

    /** Adds a value as a new bucket of size one, then merges full rows upwards. */
    public void add(double value) {
        width++;
        append(0, value, 0.0);
        if (width > 1) {
            double d = value - total / (width - 1);
            variance += (width - 1) * d * d / width;
        }
        total += value;
        compress();
    }

    private void append(int row, double sum, double varianceSum) {
        if (row == rows) {
            if (row == counts.length) {
                grow();
            }
            rows++;
        }
        int at = row * capacity + counts[row]++;
        totals[at] = sum;
        variances[at] = varianceSum;
    }

    private void grow() {
        if (counts.length >= MAX_ROWS) {
            throw new DriftException("ADWIN window exceeds 2^" + MAX_ROWS + " values");
        }
        int newRows = Math.min(MAX_ROWS, counts.length * 2);
        totals = Arrays.copyOf(totals, newRows * capacity);
        variances = Arrays.copyOf(variances, newRows * capacity);
        counts = Arrays.copyOf(counts, newRows);
    }

    private void compress() {
        for (int row = 0; row < rows && counts[row] == capacity; row++) {
            int base = row * capacity;
            double size = (double) (1L << row);
            double u1 = totals[base] / size;
            double u2 = totals[base + 1] / size;
            // The merged bucket's variance gains the spread between the two halves' means.
            double between = size * size * (u1 - u2) * (u1 - u2) / (size + size);
            append(row + 1, totals[base] + totals[base + 1], variances[base] + variances[base + 1] + between);
            removeFirst(row, 2);
        }
    }

    private void removeFirst(int row, int n) {
        int base = row * capacity;
        int left = counts[row] - n;
        System.arraycopy(totals, base + n, totals, base, left);
        System.arraycopy(variances, base + n, variances, base, left);
        counts[row] = left;
        if (left == 0 && row == rows - 1) {
            rows--;
        }
    }

    /**
     * Drops the oldest buckets while some split of the window into an older and a newer part has means
     * further apart than the epsilon-cut allows; returns whether anything was dropped.
     */
    public boolean cut(double delta, int minSubWindow) {
        boolean dropped = false;
        boolean again = true;
        while (again) {
            again = false;
            double v = variance / width;
            double dd = Math.log(2 * Math.log(width) / delta);
            long n0 = 0;
            long n1 = width;
            double u0 = 0;
            double u1 = total;
            scan:
            for (int row = rows - 1; row >= 0; row--) {
                long size = 1L << row;
                int base = row * capacity;
                int count = counts[row];
                for (int k = 0; k < count; k++) {
                    n0 += size;
                    n1 -= size;
                    u0 += totals[base + k];
                    u1 -= totals[base + k];
                    if (row == 0 && k == count - 1) {
                        break scan;
                    }
                    if (n1 > minSubWindow + 1 && n0 > minSubWindow + 1
                            && exceedsCut(u0 / n0 - u1 / n1, n0, n1, minSubWindow, v, dd)) {
                        dropped = true;
                        again = true;
                        removeOldest();
                        break scan;
                    }
                }
            }
        }
        return dropped;
    }

    private static boolean exceedsCut(double diff, long n0, long n1, int minSubWindow, double v, double dd) {
        double m = 1.0 / (n0 - minSubWindow + 1) + 1.0 / (n1 - minSubWindow + 1);
        double linear = 2.0 / 3.0 * dd * m;
        // epsilon is at least its linear term, so a difference below that needs no square root.
        if (Math.abs(diff) <= linear) {
            return false;
        }
        double epsilon = Math.sqrt(2 * m * v * dd) + linear;
        return Math.abs(diff) > epsilon;
    }

    private void removeOldest() {
        int row = rows - 1;
        int at = row * capacity;
        long size = 1L << row;
        width -= size;
        total -= totals[at];
        double u = totals[at] / size;
        double d = u - total / width;
        variance -= variances[at] + (double) (size * width) * d * d / (size + width);
        removeFirst(row, 1);
    }

    /** The number of values held. */
    public long width() {
        return width;
    }

    /** The mean of the values held, 0 when empty. */
    public double mean() {
        return width > 0 ? total / width : 0.0;
    }

    /** The population variance of the values held, 0 when empty. */
    public double variance() {
        return width > 0 ? variance / width : 0.0;
    }

    /** The number of buckets. */
    public int count() {
        int n = 0;
        for (int row = 0; row < rows; row++) {
            n += counts[row];
        }
        return n;
    }

    /** Empties the histogram, keeping its arrays. */
    public void clear() {
        Arrays.fill(counts, 0);
        rows = 0;
        width = 0;
        total = 0;
        variance = 0;
    }

    /** Appends the histogram to a snapshot. */
    public void write(SnapshotWriter out) {
        out.writeLong(width).writeDouble(total).writeDouble(variance).writeInt(rows);
        for (int row = 0; row < rows; row++) {
            out.writeInt(counts[row]);
            for (int k = 0; k < counts[row]; k++) {
                out.writeDouble(totals[row * capacity + k]).writeDouble(variances[row * capacity + k]);
            }
        }
    }

    /** Reads a histogram written by {@link #write}, checking that its bucket sizes add up to its width. */
    public static AdwinBuckets read(SnapshotReader in, int maxBuckets) {
        AdwinBuckets b = new AdwinBuckets(maxBuckets);
        long width = in.readLong();
        double total = in.readDouble();
        double variance = in.readDouble();
        int rows = in.readInt();
        if (rows < 0 || rows > MAX_ROWS) {
            throw new DriftException("snapshot of adwin has " + rows + " bucket rows, expected 0 to " + MAX_ROWS);
        }
        long sum = 0;
        for (int row = 0; row < rows; row++) {
            int count = in.readInt();
            if (count < 0 || count > maxBuckets + 1 || (row == rows - 1 && count == 0)) {
                throw new DriftException("snapshot of adwin has " + count + " buckets in row " + row);
            }
            while (b.counts.length <= row) {
                b.grow();
            }
            b.rows = row + 1;
            for (int k = 0; k < count; k++) {
                b.append(row, in.readDouble(), in.readDouble());
            }
            sum += (long) count << row;
        }
        if (sum != width) {
            throw new DriftException("snapshot of adwin has width " + width + " but its buckets hold " + sum);
        }
        b.width = width;
        b.total = total;
        b.variance = variance;
        return b;
    }

    /** Makes this histogram an exact copy of {@code other}. */
    public void copyFrom(AdwinBuckets other) {
        totals = other.totals.clone();
        variances = other.variances.clone();
        counts = other.counts.clone();
        rows = other.rows;
        width = other.width;
        total = other.total;
        variance = other.variance;
    }
}
