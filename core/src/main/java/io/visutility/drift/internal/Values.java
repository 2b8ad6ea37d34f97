package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureReference;

/** Checks on the values drift tests read; messages name the field and the bad value. */
public final class Values {
    /** Category codes must be exactly representable, so two different codes never meet as one double. */
    private static final double MAX_CODE = 9_007_199_254_740_992.0;

    private Values() {
    }

    /** Returns {@code value} if it is finite. */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new DriftException(field + " must be finite, was " + value);
        }
        return value;
    }

    /** Returns {@code value} as a category code if it is a whole number within +-2^53. */
    public static long categoryCode(String field, double value) {
        finite(field, value);
        if (value != Math.rint(value) || Math.abs(value) > MAX_CODE) {
            throw new DriftException(field + " is categorical and must be a whole number within +-2^53, was " + value);
        }
        return (long) value;
    }

    /** Checks a window a test is about to compare with {@code reference}. */
    static void window(FeatureReference reference, double[] window) {
        if (reference == null) {
            throw new DriftException("reference must not be null");
        }
        if (window == null || window.length < 2) {
            throw new DriftException("window must hold at least 2 values, had "
                    + (window == null ? "none (null)" : window.length));
        }
        boolean categorical = reference.categorical();
        for (int i = 0; i < window.length; i++) {
            if (categorical) {
                categoryCode("window[" + i + "]", window[i]);
            } else {
                finite("window[" + i + "]", window[i]);
            }
        }
    }

    /** The reference's bin counts. */
    static long[] referenceCounts(FeatureReference reference) {
        long[] counts = new long[reference.bins()];
        for (int b = 0; b < counts.length; b++) {
            counts[b] = reference.binCount(b);
        }
        return counts;
    }

    /** The window's counts in the reference's bins. */
    static long[] windowCounts(FeatureReference reference, double[] window) {
        long[] counts = new long[reference.bins()];
        for (double v : window) {
            counts[reference.binOf(v)]++;
        }
        return counts;
    }

    /** Counts as proportions of their total. */
    static double[] proportions(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (double) counts[i] / total;
        }
        return p;
    }
}
