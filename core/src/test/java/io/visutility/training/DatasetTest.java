package io.visutility.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that a data set is valid by construction, immutable, and split reproducibly without losing rows. */
class DatasetTest {
    private static final List<String> COLUMNS = List.of("id", "x");

    /** {@code rows} rows whose first feature is the row number, so rows can be traced through a split. */
    private static Dataset numbered(int rows) {
        float[] features = new float[rows * 2];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            features[r * 2] = r;
            features[r * 2 + 1] = r * 0.5f;
            labels[r] = r % 3 == 0 ? 1 : 0;
        }
        return Dataset.of(COLUMNS, features, labels);
    }

    @Test
    void rowsAndColumnsAreReadBack() {
        Dataset d = Dataset.of(COLUMNS, new float[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1, 1});

        assertThat(d.rows()).isEqualTo(3);
        assertThat(d.columns()).isEqualTo(2);
        assertThat(d.featureNames()).containsExactly("id", "x");
        assertThat(d.feature(2, 1)).isEqualTo(6f);
        assertThat(d.feature(1, 0)).isEqualTo(3f);
        assertThat(d.label(1)).isEqualTo(1);
        assertThat(d.positiveRate()).isEqualTo(2 / 3.0);
        assertThat(Dataset.of(COLUMNS, new float[0], new int[0]).positiveRate()).isZero();
    }

    @Test
    void theArraysAreCopiedInAndOut() {
        float[] features = {1, 2};
        int[] labels = {1};
        Dataset d = Dataset.of(COLUMNS, features, labels);

        features[0] = 99;
        labels[0] = 0;
        d.features()[1] = 99;
        d.labels()[0] = 0;

        assertThat(d.features()).containsExactly(1f, 2f);
        assertThat(d.labels()).containsExactly(1);
    }

    @Test
    void aMatrixOfTheWrongSizeIsRefused() {
        assertThatExceptionOfType(TrainingException.class)
                .isThrownBy(() -> Dataset.of(COLUMNS, new float[5], new int[3]))
                .withMessage("features must hold rows x columns = 3 x 2 values, was 5");
        assertThatExceptionOfType(TrainingException.class)
                .isThrownBy(() -> Dataset.of(List.of(), new float[0], new int[0]))
                .withMessage("featureNames must not be empty");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, -1, 7})
    void aLabelOtherThanZeroOrOneIsRefusedNamingTheRow(int label) {
        assertThatExceptionOfType(TrainingException.class)
                .isThrownBy(() -> Dataset.of(COLUMNS, new float[6], new int[] {0, label, 1}))
                .withMessage("label of row 1 must be 0 or 1, was " + label);
    }

    @ParameterizedTest
    @ValueSource(floats = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY})
    void aNonFiniteFeatureIsRefusedNamingRowAndColumn(float bad) {
        float[] features = {1, 2, 3, 4, 5, 6};
        features[3] = bad;
        assertThatExceptionOfType(TrainingException.class)
                .isThrownBy(() -> Dataset.of(COLUMNS, features, new int[] {0, 1, 0}))
                .withMessage("feature x of row 1 must be finite, was " + bad);
    }

    @Test
    void sliceTakesAHalfOpenRangeOfRows() {
        Dataset d = numbered(10);

        Dataset slice = d.slice(3, 6);

        assertThat(slice.rows()).isEqualTo(3);
        assertThat(ids(slice)).containsExactly(3, 4, 5);
        assertThat(slice.labels()).containsExactly(1, 0, 0);
        assertThat(d.slice(4, 4).rows()).isZero();
        assertThat(d.slice(0, 10).features()).isEqualTo(d.features());
    }

    @ParameterizedTest(name = "[{0}, {1})")
    @CsvSource({"-1, 3", "0, 11", "5, 4"})
    void aSliceOutsideTheRowsIsRefused(int from, int to) {
        assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> numbered(10).slice(from, to))
                .withMessageContaining("[" + from + ", " + to + ")");
    }

    @ParameterizedTest(name = "{0} rows, validation {1}, seed {2}")
    @CsvSource({"100, 0.2, 1", "101, 0.25, 2", "7, 0.5, 3", "1000, 0.1, 4", "1, 0.3, 5"})
    void aSplitPlacesEveryRowExactlyOnceWithItsLabel(int rows, double fraction, long seed) {
        Dataset d = numbered(rows);

        Dataset.Split split = d.split(fraction, seed);

        assertThat(split.validation().rows()).isEqualTo((int) Math.round(rows * fraction));
        assertThat(split.train().rows() + split.validation().rows()).isEqualTo(rows);
        List<Integer> all = new ArrayList<>(ids(split.train()));
        all.addAll(ids(split.validation()));
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, rows).boxed().toList());
        for (Dataset part : List.of(split.train(), split.validation())) {
            for (int r = 0; r < part.rows(); r++) {
                int id = (int) part.feature(r, 0);
                assertThat(part.feature(r, 1)).isEqualTo(id * 0.5f);
                assertThat(part.label(r)).isEqualTo(d.label(id));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
        Dataset d = numbered(200);

        Dataset.Split a = d.split(0.25, 7);
        Dataset.Split b = d.split(0.25, 7);
        Dataset.Split c = d.split(0.25, 8);

        assertThat(ids(a.validation())).isEqualTo(ids(b.validation()));
        assertThat(ids(a.train())).isEqualTo(ids(b.train()));
        assertThat(ids(c.validation())).isNotEqualTo(ids(a.validation()));
        assertThat(ids(a.validation())).isNotEqualTo(IntStream.range(0, 50).boxed().toList());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0, -0.5, 1.5, Double.NaN})
    void aValidationFractionOutsideTheOpenIntervalIsRefused(double fraction) {
        assertThatExceptionOfType(TrainingException.class).isThrownBy(() -> numbered(10).split(fraction, 1))
                .withMessage("validationFraction must be within (0, 1), was " + fraction);
    }

    private static List<Integer> ids(Dataset d) {
        return IntStream.range(0, d.rows()).mapToObj(r -> (int) d.feature(r, 0)).toList();
    }
}
