package io.visutility.drift;

import static io.visutility.drift.References.codes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** PSI, Jensen-Shannon and Wasserstein: distances decided by a threshold, against hand-computed values. */
class DistanceDriftTest {
    private final FeatureReference halfAndHalf = References.categorical(codes(0, 50, 1, 50));

    @Test
    void psiOfAShiftBetweenTwoCategories() {
        FeatureDriftResult r = FeatureDriftTest.psi().compare(halfAndHalf, codes(0, 80, 1, 20));

        // 0.3 ln(0.8 / 0.5) + (-0.3) ln(0.2 / 0.5) = 0.3 ln 4; the empty "other" bin adds nothing
        assertThat(r.statistic()).isCloseTo(0.3 * Math.log(4), within(1e-12));
        assertThat(r.hasPValue()).isFalse();
    }

    @Test
    void psiFloorsAnEmptyBinInsteadOfGoingInfinite() {
        FeatureDriftResult r = FeatureDriftTest.psi().compare(halfAndHalf, codes(0, 100));

        double floor = 1e-4;
        assertThat(r.statistic()).isCloseTo(0.5 * Math.log(2) + (floor - 0.5) * Math.log(floor / 0.5), within(1e-12));
    }

    @Test
    void jensenShannonOfHalfAndHalfAgainstAllInOne() {
        FeatureDriftResult r = FeatureDriftTest.jensenShannon().compare(halfAndHalf, codes(0, 10));

        // mixture (0.75, 0.25): KL(P||M) = 0.5 log2(2/3) + 0.5 log2(2), KL(Q||M) = log2(4/3)
        double log2 = Math.log(2);
        double divergence = 0.5 * (0.5 * Math.log(2.0 / 3) / log2 + 0.5 + Math.log(4.0 / 3) / log2);
        assertThat(r.statistic()).isCloseTo(Math.sqrt(divergence), within(1e-12));
        assertThat(r.statistic()).isCloseTo(0.557923, within(1e-6));
    }

    @Test
    void jensenShannonIsZeroForTheSameProportionsAndOneForDisjointOnes() {
        FeatureDriftTest js = FeatureDriftTest.jensenShannon();
        assertThat(js.compare(halfAndHalf, codes(0, 7, 1, 7)).statistic()).isCloseTo(0, within(1e-7));
        assertThat(js.compare(References.categorical(codes(0, 5)), codes(1, 5)).statistic()).isEqualTo(1.0);
    }

    @Test
    void wassersteinOfAShiftByOneIsOneInUnitsOfTheReferenceSpread() {
        FeatureDriftResult r = FeatureDriftTest.wasserstein().compare(References.numeric(0, 1, 2, 3), new double[] {4, 3, 2, 1});

        // every value moves by 1; the reference's standard deviation is sqrt(5/3)
        assertThat(r.statistic()).isCloseTo(1 / Math.sqrt(5.0 / 3), within(1e-12));
    }

    @Test
    void wassersteinIsTheAreaBetweenTheDistributionFunctions() {
        // on [0, 1) the reference's distribution function is 1/2 and the window's 2/3
        FeatureDriftResult r = FeatureDriftTest.wasserstein().compare(References.numeric(0, 1), new double[] {0, 0, 1});

        double sd = Math.sqrt(0.5);
        assertThat(r.statistic()).isCloseTo((1.0 / 6) / sd, within(1e-12));
    }

    @Test
    void wassersteinAgainstAConstantReferenceIsZeroOrInfinite() {
        FeatureReference constant = References.numeric(2, 2, 2);
        assertThat(FeatureDriftTest.wasserstein().compare(constant, new double[] {2, 2}).statistic()).isZero();
        assertThat(FeatureDriftTest.wasserstein().compare(constant, new double[] {2, 2.5}).statistic()).isInfinite();
    }

    @Test
    void eachDistanceHasItsThresholdAndRefusesABadOne() {
        assertThat(FeatureDriftTest.psi().threshold()).hasValue(0.25);
        assertThat(FeatureDriftTest.jensenShannon().threshold()).hasValue(0.1);
        assertThat(FeatureDriftTest.wasserstein().threshold()).hasValue(0.1);
        assertThat(FeatureDriftTest.psi(0.1).threshold()).hasValue(0.1);
        assertThatThrownBy(() -> FeatureDriftTest.psi(0)).isInstanceOf(DriftException.class)
                .hasMessage("threshold of psi must be a finite number > 0, was 0.0");
        assertThatThrownBy(() -> FeatureDriftTest.jensenShannon(1.5)).isInstanceOf(DriftException.class)
                .hasMessage("threshold of js must be within (0, 1], was 1.5");
        assertThatThrownBy(() -> FeatureDriftTest.wasserstein(Double.NaN)).isInstanceOf(DriftException.class)
                .hasMessage("threshold of wasserstein must be a finite number > 0, was NaN");
    }

    @Test
    void wassersteinComparesNumericFeaturesOnly() {
        assertThat(FeatureDriftTest.wasserstein().supportsCategorical()).isFalse();
        assertThatThrownBy(() -> FeatureDriftTest.wasserstein().compare(halfAndHalf, new double[] {0, 1}))
                .isInstanceOf(DriftException.class).hasMessageContaining("wasserstein");
    }
}
