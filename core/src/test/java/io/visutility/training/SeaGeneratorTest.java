package io.visutility.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the SEA stream: seeded, labelled by each concept's threshold, with the promised share of noise. */
class SeaGeneratorTest {

    @Test
    void theSameSeedGivesTheSameRows() {
        Dataset a = SeaGenerator.seeded(5).next(1, 500);
        Dataset b = SeaGenerator.seeded(5).next(1, 500);

        assertThat(a.features()).isEqualTo(b.features());
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(a.featureNames()).containsExactly("f1", "f2", "f3");
    }

    @Test
    void anotherSeedOrTheNextBatchGivesOtherRows() {
        SeaGenerator generator = SeaGenerator.seeded(5);
        Dataset first = generator.next(1, 100);
        Dataset second = generator.next(1, 100);

        assertThat(second.features()).isNotEqualTo(first.features());
        assertThat(SeaGenerator.seeded(6).next(1, 100).features()).isNotEqualTo(first.features());
    }

    @ParameterizedTest(name = "concept {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void withoutNoiseTheLabelIsWhetherTheFirstTwoFeaturesSumToAtMostTheThreshold(int concept) {
        double theta = new double[] {8.0, 9.0, 7.0, 9.5}[concept - 1];
        assertThat(SeaGenerator.THRESHOLDS[concept - 1]).isEqualTo(theta);

        Dataset d = SeaGenerator.withNoise(concept, 0).next(concept, 20_000);

        int checked = 0;
        for (int r = 0; r < d.rows(); r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(d.feature(r, c)).isBetween(0f, 10f);
            }
            double sum = (double) d.feature(r, 0) + d.feature(r, 1);
            // Features are stored as floats: skip the few rows too close to the line to judge.
            if (Math.abs(sum - theta) > 1e-5) {
                assertThat(d.label(r)).as("row %d, f1 + f2 = %s", r, sum).isEqualTo(sum <= theta ? 1 : 0);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(19_900);
    }

    @Test
    void theDefaultNoiseFlipsAboutOneLabelInTen() {
        Dataset d = SeaGenerator.seeded(11).next(3, 100_000);

        int flipped = 0;
        for (int r = 0; r < d.rows(); r++) {
            double sum = (double) d.feature(r, 0) + d.feature(r, 1);
            int clean = sum <= 7.0 ? 1 : 0;
            if (d.label(r) != clean) {
                flipped++;
            }
        }
        // Binomial(100000, 0.1) has a standard deviation of about 95: 0.5 points is more than 5 of them.
        assertThat(flipped / 100_000.0).isBetween(0.095, 0.105);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, -1})
    void anUnknownConceptIsRefused(int concept) {
        assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> SeaGenerator.seeded(1).next(concept, 10))
                .withMessage("concept must be within [1, 4], was " + concept);
    }

    @Test
    void badRowCountsAndNoiseLevelsAreRefused() {
        assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> SeaGenerator.seeded(1).next(1, -1))
                .withMessage("rows must be >= 0, was -1");
        assertThat(SeaGenerator.seeded(1).next(1, 0).rows()).isZero();
        for (double noise : new double[] {-0.1, 1.0, Double.NaN}) {
            assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> SeaGenerator.withNoise(1, noise))
                    .withMessage("noise must be within [0, 1), was " + noise);
        }
    }
}
