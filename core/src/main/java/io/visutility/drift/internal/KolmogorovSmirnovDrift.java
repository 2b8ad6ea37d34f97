package io.visutility.drift.internal;

import io.visutility.drift.DriftException;
import io.visutility.drift.FeatureDriftResult;
import io.visutility.drift.FeatureDriftTest;
import io.visutility.drift.FeatureReference;
import java.util.OptionalDouble;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.hipparchus.util.CombinatoricsUtils;

/**
 * Two-sample Kolmogorov-Smirnov between the reference's sample and the window, both statistic and p-value
 * from Hipparchus. The reference sample is a uniform sample of the reference rows, so the test is exact for
 * a reference of its size. Hipparchus computes the statistic once here and the asymptotic p-value from it;
 * for small samples it takes its own path, the exact p-value P(D >= d) with seeded jitter for ties.
 */
public final class KolmogorovSmirnovDrift implements FeatureDriftTest {
    /** The instance {@link FeatureDriftTest#kolmogorovSmirnov()} returns. */
    public static final KolmogorovSmirnovDrift INSTANCE = new KolmogorovSmirnovDrift();

    /** Hipparchus' own boundary between its exact and asymptotic p-values. */
    private static final long LARGE_SAMPLE_PRODUCT = 10_000;
    private static final long TIE_SEED = 0x5eed_4b53L;
    /** Stateless for the statistic and the asymptotic p-value; its generator is used only for small samples. */
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
        double d = KS.kolmogorovSmirnovStatistic(sample, window);
        double p;
        if ((long) sample.length * window.length < LARGE_SAMPLE_PRODUCT) {
            // a fresh seeded instance, so the jitter Hipparchus adds to ties repeats and threads do not share it;
            // not strict: the p-value is P(D >= d), the chance of a statistic at least as large as the one seen
            p = d == 1 ? completeSeparation(sample.length, window.length)
                    : new KolmogorovSmirnovTest(TIE_SEED).kolmogorovSmirnovTest(sample, window, false);
        } else {
            p = KS.approximateP(d, sample.length, window.length);
        }
        return new FeatureDriftResult(d, Math.min(1, Math.max(0, p)));
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
