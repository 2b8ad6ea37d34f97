package io.visutility.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks scoring of a classifier, and the rank-based AUC against a brute-force count over all pairs. */
class ClassificationMetricsTest {

    @Test
    void evaluateCountsAtTheThresholdAndRanksTheScores() {
        double[] scores = {0.9, 0.8, 0.3, 0.6, 0.2, 0.1};
        int[] labels = {1, 1, 1, 0, 0, 0};

        ClassificationMetrics m = ClassificationMetrics.evaluate(scores, labels, 0.5);

        // tp = 2, fp = 1, tn = 2, fn = 1
        assertThat(m.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.f1()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(m.auc()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(m.samples()).isEqualTo(6);
        assertThat(m.toPerformanceMetrics()).isEqualTo(new PerformanceMetrics(m.precision(), m.recall(), m.f1()));
    }

    @Test
    void aPerfectRankingHasAucOneAndAReversedOneZero() {
        double[] scores = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
        assertThat(ClassificationMetrics.evaluate(scores, new int[] {0, 0, 0, 1, 1, 1}, 0.5).auc()).isEqualTo(1.0);
        assertThat(ClassificationMetrics.evaluate(scores, new int[] {1, 1, 1, 0, 0, 0}, 0.5).auc()).isEqualTo(0.0);
    }

    @Test
    void tiedScoresGiveAucOneHalf() {
        double[] scores = {0.4, 0.4, 0.4, 0.4, 0.4};
        assertThat(ClassificationMetrics.evaluate(scores, new int[] {1, 0, 1, 0, 0}, 0.5).auc()).isEqualTo(0.5);
    }

    @Test
    void aucIsOneHalfWhenOneClassIsAbsent() {
        double[] scores = {0.1, 0.9, 0.5};
        assertThat(ClassificationMetrics.evaluate(scores, new int[] {1, 1, 1}, 0.5).auc()).isEqualTo(0.5);
        assertThat(ClassificationMetrics.evaluate(scores, new int[] {0, 0, 0}, 0.5).auc()).isEqualTo(0.5);
        assertThat(ClassificationMetrics.evaluate(new double[0], new int[0], 0.5).samples()).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 42, 1234, 99_999})
    void aucEqualsTheShareOfCorrectlyOrderedPairs(long seed) {
        Random random = new Random(seed);
        int n = 50 + random.nextInt(400);
        double[] scores = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < 0.3 ? 1 : 0;
            // Rounded to one decimal so that many scores tie, across and within classes.
            double raw = random.nextDouble() * 0.7 + labels[i] * 0.3;
            scores[i] = Math.round(raw * 10) / 10.0;
        }

        assertThat(ClassificationMetrics.evaluate(scores, labels, 0.5).auc())
                .isCloseTo(pairwiseAuc(scores, labels), within(1e-12));
    }

    /** The definition: P(score of a positive > score of a negative), ties counting one half. */
    private static double pairwiseAuc(double[] scores, int[] labels) {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.length; i++) {
            for (int j = 0; j < scores.length; j++) {
                if (labels[i] == 1 && labels[j] == 0) {
                    pairs++;
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        return wins / pairs;
    }

    @Test
    void scoresAndLabelsMustHaveTheSameLength() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClassificationMetrics.evaluate(new double[3], new int[2], 0.5))
                .withMessageContaining("3 vs 2");
    }

    @Test
    void metricsAreReadByNameAndListedInAStableOrder() {
        ClassificationMetrics m = new ClassificationMetrics(0.1, 0.2, 0.3, 0.4, 0.5, 10);

        assertThat(m.asMap()).containsExactly(
                org.assertj.core.api.Assertions.entry("precision", 0.1),
                org.assertj.core.api.Assertions.entry("recall", 0.2),
                org.assertj.core.api.Assertions.entry("f1", 0.3),
                org.assertj.core.api.Assertions.entry("accuracy", 0.4),
                org.assertj.core.api.Assertions.entry("auc", 0.5));
        m.asMap().forEach((name, value) -> assertThat(m.get(name)).isEqualTo(value));
        assertThatIllegalArgumentException().isThrownBy(() -> m.get("logloss")).withMessageContaining("logloss");
    }

    @Test
    void everyFieldIsValidated() {
        assertThatExceptionOfType(InvalidMetricsException.class)
                .isThrownBy(() -> new ClassificationMetrics(0.1, 0.2, 0.3, 0.4, 1.5, 10))
                .withMessage("auc must be within [0, 1], was 1.5");
        assertThatExceptionOfType(InvalidMetricsException.class)
                .isThrownBy(() -> new ClassificationMetrics(0.1, 0.2, Double.NaN, 0.4, 0.5, 10))
                .satisfies(e -> assertThat(e.field()).isEqualTo("f1"));
        assertThatExceptionOfType(InvalidMetricsException.class)
                .isThrownBy(() -> new ClassificationMetrics(0.1, 0.2, 0.3, 0.4, 0.5, -1))
                .withMessage("samples must be >= 0, was -1");
    }
}
