package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.drift.stream.BernoulliStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The four detectors with their defaults find an abrupt change soon, stay mostly quiet without one, and reset. */
class SimpleDetectorBehaviourTest {

    static Stream<Arguments> detectorsAndSeeds() {
        return SimpleDetectors.all().flatMap(d -> LongStream.rangeClosed(1, 6).mapToObj(seed -> Arguments.of(d, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("detectorsAndSeeds")
    void findsAnAbruptRiseOfTheErrorRate(SimpleDetectors kind, long seed) {
        double[] values = BernoulliStream.abrupt(0.2, 0.4, 10_000, seed).take(20_000);
        DriftState[] states = SimpleDetectors.run(kind.create(), values, 0, values.length);
        int first = -1;
        for (int i = 10_000; i < states.length && first < 0; i++) {
            if (states[i] == DriftState.DRIFT) {
                first = i;
            }
        }
        assertThat(first).as("first drift at or after the change at 10,000").isBetween(10_000, 10_000 + kind.maxDelay);
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("detectorsAndSeeds")
    void raisesFewDriftsOnAStationaryStream(SimpleDetectors kind, long seed) {
        double[] values = BernoulliStream.stationary(0.2, seed + 100).take(100_000);
        DriftState[] states = SimpleDetectors.run(kind.create(), values, 0, values.length);
        long drifts = Stream.of(states).filter(s -> s == DriftState.DRIFT).count();
        assertThat(drifts).isLessThanOrEqualTo(kind.maxStationaryDrifts);
    }

    @ParameterizedTest
    @MethodSource("io.visutility.drift.SimpleDetectors#all")
    void resetForgetsEverything(SimpleDetectors kind) {
        double[] values = BernoulliStream.abrupt(0.2, 0.4, 10_000, 9).take(20_000);
        DriftDetector used = kind.create();
        SimpleDetectors.run(used, values, 0, 10_400);
        used.reset();
        DriftDetector fresh = kind.create();
        assertThat(used.snapshot()).isEqualTo(fresh.snapshot());
        assertThat(SimpleDetectors.run(used, values, 10_400, 20_000))
                .isEqualTo(SimpleDetectors.run(fresh, values, 10_400, 20_000));
    }

    @ParameterizedTest
    @MethodSource("io.visutility.drift.SimpleDetectors#all")
    void neverSignalsDuringWarmUp(SimpleDetectors kind) {
        DriftDetector detector = kind.create();
        // all errors: the worst case for an error-rate detector, yet within the first 28 values none may speak
        for (int i = 0; i < 28; i++) {
            assertThat(detector.update(1.0)).as("value %d", i).isEqualTo(DriftState.STABLE);
        }
    }

    @Test
    void ddmWarnsBeforeItDrifts() {
        double[] values = BernoulliStream.abrupt(0.1, 0.5, 5_000, 3).take(10_000);
        DriftState[] states = SimpleDetectors.run(new Ddm(), values, 0, values.length);
        int drift = -1;
        for (int i = 5_000; i < states.length && drift < 0; i++) {
            if (states[i] == DriftState.DRIFT) {
                drift = i;
            }
        }
        assertThat(drift).isGreaterThan(5_000);
        assertThat(states[drift - 1]).isEqualTo(DriftState.WARNING);
    }

    @Test
    void eddmHoldsItsWarningBetweenErrors() {
        Eddm eddm = new Eddm();
        double[] values = BernoulliStream.abrupt(0.05, 0.5, 3_000, 11).take(6_000);
        boolean heldOnACorrectPrediction = false;
        for (double value : values) {
            DriftState state = eddm.update(value);
            heldOnACorrectPrediction |= value == 0.0 && state == DriftState.WARNING;
            assertThat(value == 0.0 && state == DriftState.DRIFT).as("a drift only on an error").isFalse();
        }
        assertThat(heldOnACorrectPrediction).isTrue();
    }
}
