package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every parameter is checked, and the error names it and its bad value. */
class DetectorParametersTest {

    static Stream<Arguments> badParameters() {
        return Stream.of(
                bad("delta", "0.0", () -> new Adwin(0.0, 32, 5)),
                bad("delta", "1.0", () -> new Adwin(1.0, 32, 5)),
                bad("delta", "NaN", () -> new Adwin(Double.NaN, 32, 5)),
                bad("clock", "0", () -> new Adwin(0.002, 0, 5)),
                bad("maxBuckets", "1", () -> new Adwin(0.002, 32, 1)),
                bad("driftConfidence", "0.0", () -> new HddmA(0.0, 0.005, true)),
                bad("warningConfidence", "1.5", () -> new HddmA(0.001, 1.5, true)),
                bad("warningConfidence", "1.0E-4", () -> new HddmA(0.001, 0.0001, true)),
                bad("driftConfidence", "-0.1", () -> new HddmW(-0.1, 0.005, 0.05, false)),
                bad("warningConfidence", "NaN", () -> new HddmW(0.001, Double.NaN, 0.05, false)),
                bad("lambda", "0.0", () -> new HddmW(0.001, 0.005, 0.0, false)),
                bad("lambda", "1.1", () -> new HddmW(0.001, 0.005, 1.1, false)),
                bad("alpha", "0.0", () -> new Kswin(0.0, 100, 30, 1L)),
                bad("alpha", "1.0", () -> new Kswin(1.0, 100, 30, 1L)),
                bad("statSize", "1", () -> new Kswin(0.005, 100, 1, 1L)),
                bad("windowSize", "59", () -> new Kswin(0.005, 59, 30, 1L)));
    }

    private static Arguments bad(String field, String value, ThrowingCallable build) {
        return Arguments.of(field, value, build);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badParameters")
    void refusesABadParameterNamingIt(String field, String value, ThrowingCallable build) {
        assertThatThrownBy(build).isInstanceOf(DriftException.class)
                .hasMessageContaining(field).hasMessageContaining("was " + value);
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of(new HddmA(), -0.01),
                Arguments.of(new HddmA(), 1.5),
                Arguments.of(new HddmW(), -1.0),
                Arguments.of(new HddmW(), 2.0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("outOfRange")
    void hoeffdingDetectorsRefuseValuesOutsideTheUnitInterval(DriftDetector d, double value) {
        assertThatThrownBy(() -> d.update(value)).isInstanceOf(DriftException.class)
                .hasMessageContaining("within [0, 1]").hasMessageContaining(String.valueOf(value));
    }
}
