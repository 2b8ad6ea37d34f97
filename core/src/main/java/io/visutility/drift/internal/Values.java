package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureReference;
import java.util.Arrays;

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
        if (!isCategoryCode(value)) {
            throw new DriftException(field + " is categorical and must be a whole number within +-2^53, was " + value);
        }
        return (long) value;
    }

    /** Whether {@code value} is a valid category code. */
    public static boolean isCategoryCode(double value) {
        return value == Math.rint(value) && Math.abs(value) <= MAX_CODE;
    }

    /** Checks {@code value} as a category code or a finite number, throwing with {@code field} in the message. */
    public static void check(String field, double value, boolean categorical) {
        if (categorical) {
            categoryCode(field, value);
        } else {
            finite(field, value);
        }
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
            // the field's name is built only for a bad value: this runs for every value of every window
            if (categorical ? !isCategoryCode(window[i]) : !Double.isFinite(window[i])) {
                check("window[" + i + "]", window[i], categorical);
            }
        }
    }

    /**
     * A sorted copy in which -0.0 is 0.0: the tests treat them as one value, and Hipparchus' tie jitter fails
     * on a sample holding both.
     */
    static double[] sortedCopy(double[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = values[i] + 0.0;
        }
        Arrays.sort(copy);
        return copy;
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
