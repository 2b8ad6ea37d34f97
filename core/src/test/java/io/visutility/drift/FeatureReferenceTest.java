package io.visutility.drift;

import static io.visutility.drift.References.codes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeatureReferenceTest {

    @Test
    void aNumericSummaryKeepsABoundedUniformSampleWhateverTheRows() {
        FeatureReference.Builder b = FeatureReference.numeric(10, 1_000, 7);
        for (int i = 0; i < 100_000; i++) {
            b.add(i);
        }
        FeatureReference ref = b.build();

        double[] sample = ref.sortedSample();
        assertThat(ref.rows()).isEqualTo(100_000);
        assertThat(sample).hasSize(1_000).isSorted();
        // a sample that kept only early or late rows would sit far from the middle: 4 standard errors is 3,650
        assertThat(Arrays.stream(sample).average().orElseThrow()).isCloseTo(49_999.5, within(3_650.0));
        assertThat(sample[0]).isLessThan(2_000);
        assertThat(sample[999]).isGreaterThan(98_000);
        // mean and spread come from every row, not the sample: the n - 1 variance of 0..n-1 is n(n+1)/12
        assertThat(ref.standardDeviation()).isCloseTo(Math.sqrt(100_000.0 * 100_001 / 12), within(1e-6));
    }

    @Test
    void theSameSeedDrawsTheSameSample() {
        assertThat(sampleOf(3)).containsExactly(sampleOf(3));
        assertThat(sampleOf(3)).isNotEqualTo(sampleOf(4));
    }

    @Test
    void numericBinsAreTheSampleQuantilesWithTheirCounts() {
        FeatureReference ref = References.binned(4, 1, 2, 3, 4, 5, 6, 7, 8);

        assertThat(ref.bins()).isEqualTo(4);
        for (int bin = 0; bin < 4; bin++) {
            assertThat(ref.binCount(bin)).isEqualTo(2);
        }
        // upper edges 2, 4 and 6; a bin holds its upper edge
        assertThat(ref.binOf(-100)).isZero();
        assertThat(ref.binOf(2)).isZero();
        assertThat(ref.binOf(2.5)).isEqualTo(1);
        assertThat(ref.binOf(6)).isEqualTo(2);
        assertThat(ref.binOf(6.01)).isEqualTo(3);
        assertThat(ref.binOf(1e9)).isEqualTo(3);
    }

    @Test
    void tiedQuantilesMergeTheirBins() {
        FeatureReference ref = References.binned(4, 0, 0, 0, 0, 0, 0, 1, 2);

        // the quartile edges 0, 0, 0 are one edge: bins (-inf, 0] with 6 values and (0, inf) with 2
        assertThat(ref.bins()).isEqualTo(2);
        assertThat(ref.binCount(0)).isEqualTo(6);
        assertThat(ref.binCount(1)).isEqualTo(2);
    }

    @Test
    void aCategoricalSummaryCountsAtMostMaxCategoriesAndTheRestTogether() {
        FeatureReference.Builder b = FeatureReference.categorical(2);
        for (double code : codes(5, 3, 9, 1, 2, 4, 11, 1)) {
            b.add(code);
        }
        FeatureReference ref = b.build();

        // 5 and 9 came first; 2 and 11 share the last bin
        assertThat(ref.categorical()).isTrue();
        assertThat(ref.rows()).isEqualTo(9);
        assertThat(ref.bins()).isEqualTo(3);
        assertThat(ref.binOf(5)).isZero();
        assertThat(ref.binOf(9)).isEqualTo(1);
        assertThat(ref.binOf(2)).isEqualTo(2);
        assertThat(ref.binOf(12345)).isEqualTo(2);
        assertThat(new long[] {ref.binCount(0), ref.binCount(1), ref.binCount(2)}).containsExactly(3, 1, 5);
        assertThat(ref.sortedSample()).isEmpty();
        assertThat(ref.standardDeviation()).isNaN();
    }

    @Test
    void badValuesAndParametersAreRefusedByName() {
        FeatureReference.Builder numeric = FeatureReference.numeric(10, 100, 0);
        assertThatThrownBy(() -> numeric.add(Double.POSITIVE_INFINITY)).isInstanceOf(DriftException.class)
                .hasMessage("value must be finite, was Infinity");
        numeric.add(1);
        assertThatThrownBy(numeric::build).isInstanceOf(DriftException.class)
                .hasMessage("a reference needs at least 2 values, had 1");
        assertThatThrownBy(() -> FeatureReference.categorical(4).add(2.5)).isInstanceOf(DriftException.class)
                .hasMessage("value is categorical and must be a whole number within +-2^53, was 2.5");
        assertThatThrownBy(() -> FeatureReference.numeric(1, 100, 0)).isInstanceOf(DriftException.class)
                .hasMessage("bins must be within [2, 1000], was 1");
        assertThatThrownBy(() -> FeatureReference.numeric(10, 1, 0)).isInstanceOf(DriftException.class)
                .hasMessage("maxSample must be >= 2, was 1");
        assertThatThrownBy(() -> FeatureReference.categorical(0)).isInstanceOf(DriftException.class)
                .hasMessage("maxCategories must be within [1, 100000], was 0");
        FeatureReference ref = References.numeric(1, 2, 3);
        assertThatThrownBy(() -> ref.binCount(ref.bins())).isInstanceOf(DriftException.class)
                .hasMessage("bin must be within [0, " + ref.bins() + "), was " + ref.bins());
    }

    private static double[] sampleOf(long seed) {
        FeatureReference.Builder b = FeatureReference.numeric(10, 50, seed);
        for (int i = 0; i < 1_000; i++) {
            b.add(i);
        }
        return b.build().sortedSample();
    }
}
