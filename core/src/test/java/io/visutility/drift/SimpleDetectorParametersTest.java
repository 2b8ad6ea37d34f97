package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.visutility.drift.stream.BernoulliStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every parameter and every value the four detectors refuse is named with its bad value in the error. */
class SimpleDetectorParametersTest {

    static Stream<Arguments> badParameters() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        return Stream.of(
                bad(() -> new Ddm(0, 2, 3), "minInstances must be >= 1, was 0"),
                bad(() -> new Ddm(30, 0, 3), "warningLevel must be finite and > 0, was 0.0"),
                bad(() -> new Ddm(30, nan, 3), "warningLevel must be finite and > 0, was NaN"),
                bad(() -> new Ddm(30, 2, -3), "outControlLevel must be finite and > 0, was -3.0"),
                bad(() -> new Ddm(30, 2, inf), "outControlLevel must be finite and > 0, was Infinity"),
                bad(() -> new Ddm(30, 3.5, 3), "warningLevel must be <= outControlLevel (3.0), was 3.5"),
                bad(() -> new Eddm(0, 0.95, 0.9), "minErrors must be >= 1, was 0"),
                bad(() -> new Eddm(30, 1.2, 0.9), "warningRatio must be within (0, 1], was 1.2"),
                bad(() -> new Eddm(30, 0.95, 0), "driftRatio must be within (0, 1], was 0.0"),
                bad(() -> new Eddm(30, 0.95, nan), "driftRatio must be within (0, 1], was NaN"),
                bad(() -> new Eddm(30, 0.9, 0.95), "driftRatio must be <= warningRatio (0.9), was 0.95"),
                bad(() -> new PageHinkley(-1, 0.005, 50, 0.9999), "minInstances must be >= 1, was -1"),
                bad(() -> new PageHinkley(30, -0.1, 50, 0.9999), "delta must be finite and >= 0, was -0.1"),
                bad(() -> new PageHinkley(30, inf, 50, 0.9999), "delta must be finite and >= 0, was Infinity"),
                bad(() -> new PageHinkley(30, 0.005, 0, 0.9999), "lambda must be finite and > 0, was 0.0"),
                bad(() -> new PageHinkley(30, 0.005, 50, 0), "alpha must be within (0, 1], was 0.0"),
                bad(() -> new PageHinkley(30, 0.005, 50, 1.5), "alpha must be within (0, 1], was 1.5"),
                bad(() -> new Cusum(0, 0.005, 50), "minInstances must be >= 1, was 0"),
                bad(() -> new Cusum(30, nan, 50), "delta must be finite and >= 0, was NaN"),
                bad(() -> new Cusum(30, 0.005, -50), "lambda must be finite and > 0, was -50.0"));
    }

    private static Arguments bad(Executable construction, String message) {
        return Arguments.of(construction, message);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badParameters")
    void refusesABadParameterNamingItAndItsValue(Executable construction, String message) {
        assertThatThrownBy(construction::execute).isInstanceOf(DriftException.class).hasMessage(message);
    }

    @Test
    void acceptsBoundaryParameters() {
        assertThatNoException().isThrownBy(() -> new Ddm(1, 3, 3));
        assertThatNoException().isThrownBy(() -> new Eddm(1, 1, 1));
        assertThatNoException().isThrownBy(() -> new PageHinkley(1, 0, 1e-9, 1));
        assertThatNoException().isThrownBy(() -> new Cusum(1, 0, 1e-9));
    }

    static Stream<Arguments> badValues() {
        Stream<Arguments> notFinite = SimpleDetectors.all().flatMap(d -> Stream.of(
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY).map(v -> Arguments.of(d, v)));
        Stream<Arguments> notAnError = Stream.of(-0.1, 1.5, 2.0).flatMap(v -> Stream.of(
                Arguments.of(SimpleDetectors.DDM, v), Arguments.of(SimpleDetectors.EDDM, v)));
        return Stream.concat(Stream.concat(notFinite, notAnError), Stream.of(
                Arguments.of(SimpleDetectors.EDDM, 0.5), Arguments.of(SimpleDetectors.EDDM, 0.999)));
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("badValues")
    void refusesABadValueAndKeepsItsState(SimpleDetectors kind, double value) {
        DriftDetector detector = kind.create();
        SimpleDetectors.run(detector, BernoulliStream.stationary(0.3, 5).take(200), 0, 200);
        byte[] before = detector.snapshot();
        assertThatThrownBy(() -> detector.update(value)).isInstanceOf(DriftException.class)
                .hasMessageContaining("value given to " + kind.name).hasMessageEndingWith("was " + value);
        assertThat(detector.snapshot()).isEqualTo(before);
    }

    @Test
    void ddmReadsAFractionalValueAsAnErrorProbabilityAndTheStreamDetectorsTakeAnyFiniteValue() {
        assertThat(new Ddm().update(0.25)).isEqualTo(DriftState.STABLE);
        assertThat(new PageHinkley().update(-1e6)).isEqualTo(DriftState.STABLE);
        assertThat(new Cusum().update(1e6)).isEqualTo(DriftState.STABLE);
    }

    @Test
    void namesAreStable() {
        assertThat(SimpleDetectors.all().map(d -> d.create().name()))
                .containsExactly("ddm", "eddm", "page-hinkley", "cusum");
    }
}
