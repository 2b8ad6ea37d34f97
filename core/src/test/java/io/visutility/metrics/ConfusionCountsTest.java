package io.visutility.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks the rates derived from a confusion matrix, including the ones whose denominator is zero. */
class ConfusionCountsTest {

    @Test
    void ratesFollowTheirDefinitions() {
        ConfusionCounts c = new ConfusionCounts(30, 10, 50, 20);

        assertThat(c.total()).isEqualTo(110);
        assertThat(c.precision()).isEqualTo(0.75);
        assertThat(c.recall()).isEqualTo(0.6);
        assertThat(c.f1()).isEqualTo(60.0 / 90.0);
        assertThat(c.accuracy()).isEqualTo(80.0 / 110.0);
        assertThat(c.toPerformanceMetrics()).isEqualTo(new PerformanceMetrics(0.75, 0.6, 60.0 / 90.0));
    }

    @ParameterizedTest(name = "tp={0} fp={1} tn={2} fn={3}")
    @CsvSource({
            "0, 0, 0, 0, 0, 0, 0, 0",     // nothing counted at all
            "0, 0, 10, 5, 0, 0, 0, 0.6666666666666666", // never predicted positive
            "0, 5, 10, 0, 0, 0, 0, 0.6666666666666666", // no actual positives
            "0, 0, 7, 0, 0, 0, 0, 1"})    // only true negatives
    void aRateWithAZeroDenominatorIsZero(long tp, long fp, long tn, long fn, double precision, double recall,
                                         double f1, double accuracy) {
        ConfusionCounts c = new ConfusionCounts(tp, fp, tn, fn);
        assertThat(c.precision()).isEqualTo(precision);
        assertThat(c.recall()).isEqualTo(recall);
        assertThat(c.f1()).isEqualTo(f1);
        assertThat(c.accuracy()).isEqualTo(accuracy);
    }

    @Test
    void countsAreTakenWithScoresAtTheThresholdAsPositive() {
        double[] scores = {0.9, 0.5, 0.49, 0.1, 0.7, 0.2};
        int[] labels = {1, 0, 1, 0, 1, 1};

        assertThat(ConfusionCounts.of(scores, labels, 0.5)).isEqualTo(new ConfusionCounts(2, 1, 1, 2));
        assertThat(ConfusionCounts.of(scores, labels, 0.0)).isEqualTo(new ConfusionCounts(4, 2, 0, 0));
        assertThat(ConfusionCounts.of(scores, labels, 1.1)).isEqualTo(new ConfusionCounts(0, 0, 2, 4));
    }

    @Test
    void negativeCountsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ConfusionCounts(1, -1, 0, 0))
                .withMessageContaining("-1");
    }
}
