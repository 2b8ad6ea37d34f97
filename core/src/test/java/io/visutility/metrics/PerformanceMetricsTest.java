package io.visutility.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks that reported metrics are valid by construction and that the seed's degradation rule holds. */
class PerformanceMetricsTest {

    static Stream<Arguments> badValues() {
        return Stream.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.1, 1.7, 1.0000001)
                .flatMap(bad -> Stream.of(
                        Arguments.of("precision", bad, bad, 0.5, 0.5),
                        Arguments.of("recall", bad, 0.5, bad, 0.5),
                        Arguments.of("f1_score", bad, 0.5, 0.5, bad)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badValues")
    void everyFieldRejectsValuesOutsideTheUnitIntervalNamingFieldAndValue(String field, double bad, double p,
                                                                          double r, double f1) {
        assertThatExceptionOfType(InvalidMetricsException.class).isThrownBy(() -> new PerformanceMetrics(p, r, f1))
                .withMessage(field + " must be within [0, 1], was " + bad)
                .satisfies(e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void theMessageReadsAsAUserWouldNeedIt() {
        assertThatExceptionOfType(InvalidMetricsException.class)
                .isThrownBy(() -> new PerformanceMetrics(1.7, 0.5, 0.5))
                .withMessage("precision must be within [0, 1], was 1.7");
    }

    @Test
    void theBoundsThemselvesAreValid() {
        assertThat(new PerformanceMetrics(0, 1, 0)).isEqualTo(new PerformanceMetrics(0.0, 1.0, 0.0));
        assertThat(new PerformanceMetrics(1, 0, 1).precision()).isEqualTo(1.0);
    }

    @ParameterizedTest(name = "p={0} r={1} minAvg={2} -> {3}")
    @CsvSource({
            "0.4, 0.4, 0.6, true",   // the seed's degraded sample
            "0.9, 0.9, 0.6, false",  // the seed's healthy sample
            "0.6, 0.6, 0.6, false",  // exactly at the threshold is not degraded
            "0.7, 0.49, 0.6, true",  // average 0.595
            "1.0, 0.2, 0.6, false",  // average 0.6: one good metric can carry the other
            "0.0, 0.0, 0.0, false"})
    void isDegradedComparesTheAverageOfPrecisionAndRecall(double p, double r, double minAvg, boolean degraded) {
        assertThat(new PerformanceMetrics(p, r, 0.5).isDegraded(minAvg)).isEqualTo(degraded);
    }

    @Test
    void isDegradedIgnoresF1AsTheSeedDid() {
        assertThat(new PerformanceMetrics(0.9, 0.9, 0.0).isDegraded(0.6)).isFalse();
        assertThat(new PerformanceMetrics(0.3, 0.3, 1.0).isDegraded(0.6)).isTrue();
    }

    @ParameterizedTest(name = "p={0} r={1} -> f1={2}")
    @CsvSource({"0.5, 1.0, 0.6666666666666666", "0.8, 0.8, 0.8", "1.0, 1.0, 1.0", "0.0, 0.0, 0.0",
            "0.0, 1.0, 0.0", "0.25, 0.75, 0.375"})
    void ofComputesF1AsTheHarmonicMean(double p, double r, double f1) {
        PerformanceMetrics m = PerformanceMetrics.of(p, r);
        assertThat(m.precision()).isEqualTo(p);
        assertThat(m.recall()).isEqualTo(r);
        assertThat(m.f1Score()).isCloseTo(f1, within(1e-12));
        assertThat(m.average()).isCloseTo((p + r) / 2, within(1e-15));
    }

    @Test
    void ofValidatesToo() {
        assertThatExceptionOfType(InvalidMetricsException.class).isThrownBy(() -> PerformanceMetrics.of(Double.NaN, 0.5))
                .satisfies(e -> assertThat(e.field()).isEqualTo("precision"));
        assertThatExceptionOfType(InvalidMetricsException.class).isThrownBy(() -> PerformanceMetrics.of(0.5, 2))
                .withMessage("recall must be within [0, 1], was 2.0");
    }
}
