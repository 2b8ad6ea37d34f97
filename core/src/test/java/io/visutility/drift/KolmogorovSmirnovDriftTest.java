package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovDriftTest {
    private final FeatureDriftTest ks = FeatureDriftTest.kolmogorovSmirnov();

    @Test
    void separatedSamplesHaveTheLargestStatisticAndTheExactPValue() {
        FeatureDriftResult r = ks.compare(References.numeric(1, 2, 3, 4), new double[] {5, 6, 7, 8});

        assertThat(r.statistic()).isEqualTo(1.0);
        // 2 of the C(8, 4) = 70 splits of eight values into two groups of four separate them completely
        assertThat(r.pValue()).isCloseTo(2.0 / 70, within(1e-12));
    }

    @Test
    void theStatisticIsTheLargestGapBetweenTheEmpiricalDistributions() {
        // at 2 the reference has 2 of 4 values below, the window 0 of 4; the gap is never wider
        FeatureDriftResult r = ks.compare(References.numeric(1, 2, 3.5, 4.5), new double[] {3, 4, 5, 6});

        assertThat(r.statistic()).isEqualTo(0.5);
        assertThat(r.pValue()).isBetween(0.0, 1.0);
    }

    @Test
    void identicalSamplesDoNotDiffer() {
        FeatureDriftResult r = ks.compare(References.numeric(1, 2, 3, 4, 5), new double[] {5, 4, 3, 2, 1});

        assertThat(r.statistic()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "reference {0} rows, window {1} rows, shift {2}")
    @CsvSource({"40, 30, 0.0", "40, 30, 1.0", "300, 200, 0.0", "300, 200, 0.3", "2000, 500, 0.1"})
    void agreesWithHipparchusOnTheRawRowsWhenTheSampleHoldsThemAll(int refRows, int windowRows, double shift) {
        double[] reference = References.normal(refRows, 0, 11);
        double[] window = References.normal(windowRows, shift, 12);
        KolmogorovSmirnovTest hipparchus = new KolmogorovSmirnovTest();

        FeatureDriftResult r = ks.compare(References.numeric(reference), window);

        assertThat(r.statistic()).isEqualTo(hipparchus.kolmogorovSmirnovStatistic(reference, window));
        assertThat(r.pValue()).isEqualTo(hipparchus.kolmogorovSmirnovTest(reference, window, false));
    }

    @ParameterizedTest(name = "reference {0} values, window {1}, rounded to {2}")
    @CsvSource({"10000, 500, 0.5", "500, 10000, 0.5", "3000, 3000, 0.25", "200, 7, 1.0", "7, 200, 1.0",
                "1000, 1000, 0.0", "2, 2, 0.0"})
    void theStatisticIsHipparchusOneAlsoWithTies(int refRows, int windowRows, double grid) {
        double[] reference = References.normal(refRows, 0, 21);
        double[] window = References.normal(windowRows, 0.1, 22);
        if (grid > 0) {
            // + 0.0 turns -0.0 into 0.0, which Hipparchus would count as a value of its own
            for (int i = 0; i < reference.length; i++) {
                reference[i] = Math.rint(reference[i] / grid) * grid + 0.0;
            }
            for (int i = 0; i < window.length; i++) {
                window[i] = Math.rint(window[i] / grid) * grid + 0.0;
            }
        }

        double d = ks.compare(References.numeric(reference), window).statistic();

        assertThat(d).isEqualTo(new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(reference, window));
    }

    @Test
    void smallSamplesWithTiesGetHipparchusJitteredExactPValue() {
        double[] reference = {-0.0, 1, 1, 2, 3, 3, 4};
        double[] window = {0.0, 1, 3, 3, 5, 5};

        FeatureDriftResult r = ks.compare(References.numeric(reference), window);

        double[] plain = {0.0, 1, 1, 2, 3, 3, 4};
        assertThat(r.statistic()).isEqualTo(new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(plain, window));
        assertThat(r.pValue()).isEqualTo(new KolmogorovSmirnovTest(0x5eed_4b53L).kolmogorovSmirnovTest(plain, window, false));
    }

    @Test
    void leavesTheWindowAsItWas() {
        double[] window = {3, 1, 2};
        ks.compare(References.numeric(1, 2, 3), window);
        assertThat(window).containsExactly(3, 1, 2);
    }

    @Test
    void refusesCategoricalFeaturesAndBadWindows() {
        assertThat(ks.supportsCategorical()).isFalse();
        assertThat(ks.threshold()).isEmpty();
        assertThatThrownBy(() -> ks.compare(References.categorical(1, 2, 2), new double[] {1, 2}))
                .isInstanceOf(DriftException.class).hasMessageContaining("ks").hasMessageContaining("categorical");
        FeatureReference ref = References.numeric(1, 2, 3);
        assertThatThrownBy(() -> ks.compare(ref, new double[] {1, Double.NaN}))
                .isInstanceOf(DriftException.class).hasMessage("window[1] must be finite, was NaN");
        assertThatThrownBy(() -> ks.compare(ref, new double[] {1}))
                .isInstanceOf(DriftException.class).hasMessage("window must hold at least 2 values, had 1");
        assertThatThrownBy(() -> ks.compare(null, new double[] {1, 2}))
                .isInstanceOf(DriftException.class).hasMessage("reference must not be null");
    }
}
