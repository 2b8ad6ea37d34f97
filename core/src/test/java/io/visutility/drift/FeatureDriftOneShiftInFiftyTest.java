package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Done-when of feature drift: a mean shift of 0.2 standard deviations in one of 50 normal features is found,
 * and only that feature. Reference 20,000 rows (kept as a 10,000-value sample per feature, the default),
 * windows of 5,000 rows, Kolmogorov-Smirnov per feature and Benjamini-Hochberg at the default q = 1e-4.
 * The shift moves the distribution function by up to 0.08 where 0.026 is the 1e-4 / 50 critical value, so
 * every seed finds it in the first window.
 */
class FeatureDriftOneShiftInFiftyTest {
    private static final int FEATURES = 50;
    private static final int SHIFTED = 17;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void theShiftedFeatureIsFoundInTheFirstWindowAndNoOtherIs(long seed) {
        FeatureDriftMonitor monitor = FeatureDriftMonitor.builder(GaussianRows.names(FEATURES))
                .referenceSize(20_000).windowSize(5_000).seed(seed).build();
        GaussianRows rows = new GaussianRows(FEATURES, seed);
        for (int i = 0; i < 20_000; i++) {
            assertThat(monitor.add(rows.next())).isNull();
        }

        FeatureDriftReport report = null;
        for (int i = 0; i < 5_000; i++) {
            report = monitor.add(rows.next(SHIFTED, 0.2));
        }

        assertThat(report).isNotNull();
        assertThat(report.drifted()).containsExactly("f" + SHIFTED);
        assertThat(report.feature("f" + SHIFTED).statistic()).isBetween(0.04, 0.12);
    }
}
