package io.visutility.drift.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each catalogued stream has the error rates its name promises before and after its change, and is seeded. */
class StreamCatalogueTest {

    @ParameterizedTest
    @CsvSource({
            "bernoulli-abrupt,  0.20, 0.40, 0.01",
            "bernoulli-small,   0.20, 0.25, 0.01",
            "bernoulli-gradual, 0.20, 0.38, 0.01",
            "sea-error,         0.14, 0.23, 0.02",
            "agrawal-error,     0.30, 0.50, 0.03",
    })
    void errorRatesBeforeAndAfterTheChange(String name, double before, double after, double tolerance) {
        StreamSpec spec = StreamCatalogue.byName(name);
        assertThat(spec.driftStart()).isEqualTo(10_000);
        double[] sums = new double[2];
        for (int run = 0; run < 4; run++) {
            DoubleSupplier values = spec.open(DetectorEvaluation.runSeed(5, run));
            for (int i = 0; i < spec.length(); i++) {
                double v = values.getAsDouble();
                assertThat(v).isIn(0.0, 1.0);
                sums[i < spec.driftStart() ? 0 : 1] += v;
            }
        }
        assertThat(sums[0] / (4.0 * spec.driftStart())).isCloseTo(before, within(tolerance));
        assertThat(sums[1] / (4.0 * (spec.length() - spec.driftStart()))).isCloseTo(after, within(tolerance));
    }

    @ParameterizedTest
    @CsvSource({"sea-error", "agrawal-error", "stationary"})
    void theSameSeedGivesTheSameValues(String name) {
        StreamSpec spec = StreamCatalogue.byName(name);
        DoubleSupplier a = spec.open(42);
        DoubleSupplier b = spec.open(42);
        DoubleSupplier c = spec.open(43);
        int differ = 0;
        for (int i = 0; i < 5_000; i++) {
            double x = a.getAsDouble();
            assertThat(b.getAsDouble()).isEqualTo(x);
            differ += c.getAsDouble() != x ? 1 : 0;
        }
        assertThat(differ).isPositive();
    }
}
