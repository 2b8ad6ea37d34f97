package io.visutility.drift.internal;

import io.visutility.drift.FeatureDriftResult;
import io.visutility.drift.FeatureDriftTest;
import io.visutility.drift.FeatureReference;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.hipparchus.stat.inference.ChiSquareTest;

/**
 * Chi-square test of homogeneity of the reference's and the window's counts in the reference's bins,
 * statistic and p-value from Hipparchus. Bins empty in both are left out (they carry no information and
 * Hipparchus refuses them); with fewer than two bins left, the two agree trivially.
 */
public final class ChiSquareDrift implements FeatureDriftTest {
    /** The instance {@link FeatureDriftTest#chiSquare()} returns. */
    public static final ChiSquareDrift INSTANCE = new ChiSquareDrift();

    private static final ChiSquareTest CHI_SQUARE = new ChiSquareTest();

    private ChiSquareDrift() {
    }

    @Override
    public String name() {
        return "chi2";
    }

    @Override
    public boolean supportsCategorical() {
        return true;
    }

    @Override
    public OptionalDouble threshold() {
        return OptionalDouble.empty();
    }

    @Override
    public FeatureDriftResult compare(FeatureReference reference, double[] window) {
        Values.window(reference, window);
        long[] expected = Values.referenceCounts(reference);
        long[] observed = Values.windowCounts(reference, window);
        int kept = 0;
        for (int b = 0; b < expected.length; b++) {
            if (expected[b] > 0 || observed[b] > 0) {
                expected[kept] = expected[b];
                observed[kept] = observed[b];
                kept++;
            }
        }
        if (kept < 2) {
            return new FeatureDriftResult(0, 1);
        }
        long[] a = Arrays.copyOf(expected, kept);
        long[] b = Arrays.copyOf(observed, kept);
        return new FeatureDriftResult(CHI_SQUARE.chiSquareDataSetsComparison(a, b),
                CHI_SQUARE.chiSquareTestDataSetsComparison(a, b));
    }
}
