package io.visutility.drift.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.drift.stream.RowStream;
import io.visutility.drift.stream.RowStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The label functions of the generators on rows worked out by hand from the papers' definitions. */
class LabelFunctionsTest {

    // salary, commission, age, elevel, hvalue, hyears, loan, then the expected Group A answer of functions 1..10
    @ParameterizedTest
    @CsvSource({
            // age 30, salary 60k + 20k commission, elevel 1, loan 150k, owned 25 years at 400k
            "60000, 20000, 30, 1, 400000, 25, 150000, true,  true,  true,  true,  true,  true,  true,  true,  true,  true",
            // age 50, salary 100k, no commission, elevel 4, loan 450k
            "100000, 0, 50, 4, 200000, 10, 450000,    false, true,  false, true,  false, true,  false, true,  false, true",
            // age 70, salary 30k + 40k, elevel 0, loan 50k
            "30000, 40000, 70, 0, 900000, 5, 50000,   true,  true,  false, true,  false, true,  true,  true,  true,  true",
            // age 45, salary 20k + 10k, elevel 2, loan 350k
            "20000, 10000, 45, 2, 150000, 29, 350000, false, false, true,  false, true,  false, false, false, false, true",
    })
    void agrawalFunctions(double salary, double commission, double age, int elevel, double hvalue, double hyears,
                          double loan, boolean f1, boolean f2, boolean f3, boolean f4, boolean f5, boolean f6,
                          boolean f7, boolean f8, boolean f9, boolean f10) {
        boolean[] expected = {f1, f2, f3, f4, f5, f6, f7, f8, f9, f10};
        for (int f = 1; f <= 10; f++) {
            assertThat(AgrawalRows.label(f, salary, commission, age, elevel, hvalue, hyears, loan))
                    .as("function %d", f).isEqualTo(expected[f - 1]);
        }
    }

    @Test
    void agrawalDrawsCommissionOnlyBelow75kAndKeepsRanges() {
        RowStream rows = RowStreams.agrawal(1, 0, 3);
        float[] row = new float[9];
        for (int i = 0; i < 5_000; i++) {
            int label = rows.next(row);
            assertThat(row[0]).isBetween(20_000f, 150_000f);
            assertThat(row[1] == 0).isEqualTo(row[0] >= 75_000);
            assertThat(row[2]).isBetween(20f, 80f);
            assertThat(row[3]).isBetween(0f, 4f);
            assertThat(row[5]).isBetween(0f, 8f);
            assertThat(row[6]).isBetween((row[5] + 1) * 50_000f, (row[5] + 1) * 150_000f);
            assertThat(label == 1).isEqualTo(row[2] < 40 || row[2] >= 60);
        }
    }

    @Test
    void staggerConcepts() {
        assertThat(StaggerRows.label(1, 0, 0, 2)).isTrue();   // small red triangle
        assertThat(StaggerRows.label(1, 1, 0, 2)).isFalse();  // medium red triangle
        assertThat(StaggerRows.label(2, 2, 1, 1)).isTrue();   // large green square
        assertThat(StaggerRows.label(2, 0, 2, 0)).isTrue();   // small blue circle
        assertThat(StaggerRows.label(2, 0, 0, 2)).isFalse();  // small red triangle
        assertThat(StaggerRows.label(3, 0, 1, 0)).isFalse();  // small anything
        assertThat(StaggerRows.label(3, 2, 0, 1)).isTrue();
    }

    @Test
    void sineAndMixed() {
        assertThat(SineRows.label(1, 0.5, 0.4)).isTrue();     // sin(0.5) = 0.479
        assertThat(SineRows.label(1, 0.5, 0.5)).isFalse();
        assertThat(SineRows.label(2, 0.5, 0.5)).isTrue();
        assertThat(SineRows.label(3, 1.0 / 6, 0.75)).isTrue(); // 0.5 + 0.3 sin(pi / 2) = 0.8
        assertThat(SineRows.label(3, 0.5, 0.25)).isFalse();   // 0.5 + 0.3 sin(3 pi / 2) = 0.2
        assertThat(SineRows.label(4, 0.5, 0.25)).isTrue();
        assertThat(MixedRows.label(1, true, true, 0.5, 0.9)).isTrue();
        assertThat(MixedRows.label(1, true, false, 1.0 / 6, 0.75)).isTrue();
        assertThat(MixedRows.label(1, true, false, 0.5, 0.25)).isFalse();
        assertThat(MixedRows.label(2, true, false, 0.5, 0.25)).isTrue();
    }

    @Test
    void hyperplaneRotatesAndRbfCentroidsMoveInsideTheCube() {
        HyperplaneRows plane = new HyperplaneRows(4, 2, 0.01, 0, 0, 1);
        double w0 = plane.weight(0);
        double w3 = plane.weight(3);
        float[] row = new float[4];
        for (int i = 0; i < 10; i++) {
            plane.next(row);
        }
        assertThat(Math.abs(plane.weight(0) - w0)).isCloseTo(0.1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(plane.weight(3)).isEqualTo(w3);

        RandomRbfRows rbf = new RandomRbfRows(3, 4, 1, 0.05, 2);
        double c0 = rbf.centre(0, 0);
        double c1 = rbf.centre(1, 0);
        float[] point = new float[3];
        for (int i = 0; i < 1_000; i++) {
            rbf.next(point);
            assertThat(rbf.centre(0, 0)).isBetween(0.0, 1.0);
        }
        assertThat(rbf.centre(0, 0)).isNotEqualTo(c0);
        assertThat(rbf.centre(1, 0)).isEqualTo(c1);
    }
}
