package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureDriftResult;
import io.visutility.drift.FeatureDriftTest;
import io.visutility.drift.FeatureReference;
import java.util.OptionalDouble;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.hipparchus.util.CombinatoricsUtils;

/**
 * Two-sample Kolmogorov-Smirnov between the reference's sample and the window. The reference sample is a
 * uniform sample of the reference rows, so the test is exact for a reference of its size. The p-value is
 * Hipparchus': asymptotic when the product of the sizes reaches 10,000, else exact, P(D >= d), with its
 * seeded jitter for ties. The statistic is Hipparchus' definition computed here, because Hipparchus copies,
 * re-sorts and walks the whole reference on every call, which for a 10,000-value reference and windows of a
 * few hundred rows was most of a monitor's time; the reference is sorted once, so each window value finds
 * its rank in it by a galloping search. Tests pin that both agree on raw data.
 */
public final class KolmogorovSmirnovDrift implements FeatureDriftTest {
    /** The instance {@link FeatureDriftTest#kolmogorovSmirnov()} returns. */
    public static final KolmogorovSmirnovDrift INSTANCE = new KolmogorovSmirnovDrift();

    /** Hipparchus' own boundary between its exact and asymptotic p-values. */
    private static final long LARGE_SAMPLE_PRODUCT = 10_000;
    private static final long TIE_SEED = 0x5eed_4b53L;
    /** Stateless for the asymptotic p-value; its generator is used only for small samples. */
    private static final KolmogorovSmirnovTest KS = new KolmogorovSmirnovTest(TIE_SEED);

    private KolmogorovSmirnovDrift() {
    }

    @Override
    public String name() {
        return "ks";
    }

    @Override
    public boolean supportsCategorical() {
        return false;
    }

    @Override
    public OptionalDouble threshold() {
        return OptionalDouble.empty();
    }

    @Override
    public FeatureDriftResult compare(FeatureReference reference, double[] window) {
        Values.window(reference, window);
        double[] sample = sample(reference, name());
        double[] sorted = Values.sortedCopy(window);
        double d = integralStatistic(sample, sorted) / ((double) sample.length * sorted.length);
        double p;
        if (d == 0) {
            p = 1; // identical distribution functions; Hipparchus' jitter could make ties of equal samples differ
        } else if ((long) sample.length * sorted.length >= LARGE_SAMPLE_PRODUCT) {
            p = KS.approximateP(d, sample.length, sorted.length);
        } else if (d == 1) {
            p = completeSeparation(sample.length, sorted.length);
        } else {
            // a fresh seeded instance, so the jitter Hipparchus adds to ties repeats and threads do not share it;
            // not strict: the p-value is P(D >= d), the chance of a statistic at least as large as the one seen
            p = new KolmogorovSmirnovTest(TIE_SEED).kolmogorovSmirnovTest(Values.sortedCopy(sample), sorted, false);
        }
        return new FeatureDriftResult(d, Math.min(1, Math.max(0, p)));
    }

    /**
     * n m D for sorted samples: the largest gap between the two distribution functions, which is reached
     * just below or at a window value, because between window values only the reference's function moves.
     */
    static long integralStatistic(double[] reference, double[] window) {
        int m = reference.length;
        int n = window.length;
        long sup = 0;
        int below = 0;
        int i = 0;
        while (i < n) {
            double v = window[i];
            below = firstNotBelow(reference, below, v);
            sup = Math.max(sup, Math.abs((long) below * n - (long) i * m));
            int k = i + 1;
            while (k < n && window[k] == v) {
                k++;
            }
            // past the reference's copies of v one by one: the index only moves forward, so at most m steps in all
            while (below < m && reference[below] == v) {
                below++;
            }
            sup = Math.max(sup, Math.abs((long) below * n - (long) k * m));
            i = k;
        }
        return sup;
    }

    /**
     * The first index from {@code from} on whose value is not below {@code v}: steps of 1, 2, 4, ... bracket
     * it and a binary search finds it, so the short jumps between neighbouring window values cost little.
     */
    private static int firstNotBelow(double[] a, int from, double v) {
        int lo = from;
        int hi = from;
        long step = 1;
        while (hi < a.length && a[hi] < v) {
            lo = hi + 1;
            hi = (int) Math.min(a.length, from + step);
            step <<= 1;
        }
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * P(D >= 1): only the two orders that put one sample wholly below the other reach 1. Hipparchus 4.0.3's
     * exact p-value answers 0 at this boundary.
     */
    static double completeSeparation(int n, int m) {
        return 2 / CombinatoricsUtils.binomialCoefficientDouble(n + m, n);
    }

    /** The reference's sorted sample, without a copy when it is ours (callers only read it). */
    static double[] sample(FeatureReference reference, String test) {
        if (reference.categorical()) {
            throw new DriftException("test " + test + " compares numeric features only, the reference is categorical");
        }
        return reference instanceof NumericReference numeric ? numeric.sampleView() : reference.sortedSample();
    }
}
