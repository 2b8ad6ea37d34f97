package io.visutility.drift;

import static io.visutility.drift.References.codes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class ChiSquareDriftTest {
    private final FeatureDriftTest chi2 = FeatureDriftTest.chiSquare();

    @Test
    void categoryCountsGiveTheHandComputedStatistic() {
        FeatureReference ref = References.categorical(codes(0, 10, 1, 20, 2, 30));

        FeatureDriftResult r = chi2.compare(ref, codes(0, 15, 1, 15, 2, 30));

        // equal totals: the sum of (a - b)^2 / (a + b) = 25/25 + 25/35 + 0; the "other" bin is empty in both and
        // left out, so 2 degrees of freedom, whose survival function is e^(-x/2)
        assertThat(r.statistic()).isCloseTo(12.0 / 7, within(1e-12));
        assertThat(r.pValue()).isCloseTo(Math.exp(-6.0 / 7), within(1e-12));
    }

    @Test
    void unseenCategoriesFallInTheOtherBin() {
        FeatureReference ref = References.categorical(codes(0, 50, 1, 50));

        FeatureDriftResult r = chi2.compare(ref, codes(0, 50, 7, 50));

        // bins 0 / 1 / other: reference 50, 50, 0 and window 50, 0, 50
        long[] a = {50, 50, 0};
        long[] b = {50, 0, 50};
        assertThat(r.statistic()).isEqualTo(100.0);
        assertThat(r.pValue()).isEqualTo(new ChiSquareTest().chiSquareTestDataSetsComparison(a, b));
    }

    @Test
    void quantileBinsOfANumericFeatureGiveTheHandComputedStatistic() {
        FeatureReference ref = References.numeric(IntStream.rangeClosed(1, 100).asDoubleStream().toArray());
        double[] window = new double[40];
        for (int i = 0; i < 20; i++) {
            window[i] = 0.5 + i * 0.25; // 0.5 .. 5.25: all in the first decile bin (<= 10)
            window[20 + i] = 95 + i;    // 95 .. 114: all in the last (> 90)
        }

        FeatureDriftResult r = chi2.compare(ref, window);

        // reference 10 per decile (total 100), window 20, 0 x 8, 20 (total 40): the decile bins give 640/30 each
        // at both ends and 40/10 in each of the eight between
        assertThat(r.statistic()).isCloseTo(2 * 640.0 / 30 + 8 * 4.0, within(1e-9));
        assertThat(r.pValue()).isCloseTo(1 - new ChiSquaredDistribution(9).cumulativeProbability(224.0 / 3), within(1e-12));
    }

    @Test
    void sameProportionsAgreeAndOneBinLeftAgreesTrivially() {
        FeatureDriftResult same = chi2.compare(References.categorical(codes(3, 10, 4, 30)), codes(3, 5, 4, 15));
        assertThat(same.statistic()).isCloseTo(0, within(1e-12));
        assertThat(same.pValue()).isCloseTo(1, within(1e-12));

        FeatureDriftResult constant = chi2.compare(References.numeric(2, 2, 2), new double[] {2, 2});
        assertThat(constant).isEqualTo(new FeatureDriftResult(0, 1));
    }

    @Test
    void refusesWindowValuesThatAreNoCategory() {
        assertThat(chi2.supportsCategorical()).isTrue();
        assertThatThrownBy(() -> chi2.compare(References.categorical(1, 2), new double[] {1, 1.5}))
                .isInstanceOf(DriftException.class)
                .hasMessage("window[1] is categorical and must be a whole number within +-2^53, was 1.5");
    }
}
