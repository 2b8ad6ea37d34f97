package io.visutility.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.visutility.drift.stream.BernoulliStream;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Snapshots of DDM, EDDM, Page-Hinkley and CUSUM restore exactly, and a refused one changes nothing. */
class SimpleDetectorSnapshotTest {
    private static final double[] VALUES = BernoulliStream.abrupt(0.2, 0.4, 10_000, 77).take(20_000);

    static Stream<Arguments> cutPoints() {
        return SimpleDetectors.all().flatMap(d -> IntStream.of(0, 17, 5_000, 10_150, 10_600, 15_000)
                .mapToObj(cut -> Arguments.of(d, cut)));
    }

    @ParameterizedTest(name = "{0} cut at {1}")
    @MethodSource("cutPoints")
    void restoredDetectorContinuesExactlyLikeTheOriginal(SimpleDetectors kind, int cut) {
        DriftDetector original = kind.create();
        SimpleDetectors.run(original, VALUES, 0, cut);
        byte[] snapshot = original.snapshot();

        DriftDetector restored = kind.create();
        restored.restore(snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);

        DriftState[] expected = SimpleDetectors.run(original, VALUES, cut, VALUES.length);
        DriftState[] actual = SimpleDetectors.run(restored, VALUES, cut, VALUES.length);
        assertThat(actual).isEqualTo(expected);
        if (cut <= 10_000) {
            assertThat(Arrays.asList(expected)).as("the rest of the stream holds the change")
                    .contains(DriftState.DRIFT);
        }
        assertThat(restored.snapshot()).isEqualTo(original.snapshot());
    }

    @ParameterizedTest
    @MethodSource("io.visutility.drift.SimpleDetectors#all")
    void refusesASnapshotOfAnotherDetector(SimpleDetectors kind) {
        for (SimpleDetectors other : SimpleDetectors.values()) {
            if (other == kind) {
                continue;
            }
            DriftDetector source = other.create();
            SimpleDetectors.run(source, VALUES, 0, 500);
            assertRefusedAndUnchanged(kind, source.snapshot(), "snapshot is of detector " + other.name);
        }
    }

    @ParameterizedTest
    @MethodSource("io.visutility.drift.SimpleDetectors#all")
    void refusesTruncatedDamagedAndPaddedBytes(SimpleDetectors kind) {
        DriftDetector source = kind.create();
        SimpleDetectors.run(source, VALUES, 0, 700);
        byte[] snapshot = source.snapshot();
        for (int length : new int[] {0, 3, 10, snapshot.length / 2, snapshot.length - 1}) {
            assertRefusedAndUnchanged(kind, Arrays.copyOf(snapshot, length), kind.name);
        }
        byte[] badMagic = snapshot.clone();
        badMagic[0] ^= 0x55;
        assertRefusedAndUnchanged(kind, badMagic, "bad magic number");
        assertRefusedAndUnchanged(kind, Arrays.copyOf(snapshot, snapshot.length + 4), "trailing bytes");
        assertRefusedAndUnchanged(kind, null, "must not be null");
    }

    static Stream<Arguments> otherParameters() {
        return Stream.of(
                Arguments.of(new Ddm(31, 2.0, 3.0), new Ddm(), "minInstances"),
                Arguments.of(new Ddm(30, 2.5, 3.0), new Ddm(), "warningLevel"),
                Arguments.of(new Ddm(30, 2.0, 3.5), new Ddm(), "outControlLevel"),
                Arguments.of(new Eddm(20, 0.95, 0.90), new Eddm(), "minErrors"),
                Arguments.of(new Eddm(30, 0.97, 0.90), new Eddm(), "warningRatio"),
                Arguments.of(new Eddm(30, 0.95, 0.85), new Eddm(), "driftRatio"),
                Arguments.of(new PageHinkley(10, 0.005, 50, 1 - 1e-4), new PageHinkley(), "minInstances"),
                Arguments.of(new PageHinkley(30, 0.01, 50, 1 - 1e-4), new PageHinkley(), "delta"),
                Arguments.of(new PageHinkley(30, 0.005, 40, 1 - 1e-4), new PageHinkley(), "lambda"),
                Arguments.of(new PageHinkley(30, 0.005, 50, 1.0), new PageHinkley(), "alpha"),
                Arguments.of(new Cusum(10, 0.005, 50), new Cusum(), "minInstances"),
                Arguments.of(new Cusum(30, 0.01, 50), new Cusum(), "delta"),
                Arguments.of(new Cusum(30, 0.005, 40), new Cusum(), "lambda"));
    }

    @ParameterizedTest(name = "{2} of {0}")
    @MethodSource("otherParameters")
    void refusesASnapshotTakenWithOtherParameters(DriftDetector source, DriftDetector target, String field) {
        SimpleDetectors.run(source, VALUES, 0, 300);
        SimpleDetectors.run(target, VALUES, 0, 100);
        byte[] before = target.snapshot();
        assertThatThrownBy(() -> target.restore(source.snapshot()))
                .isInstanceOf(DriftException.class).hasMessageContaining("taken with " + field + " = ");
        assertThat(target.snapshot()).isEqualTo(before);
    }

    private static void assertRefusedAndUnchanged(SimpleDetectors kind, byte[] snapshot, String message) {
        DriftDetector target = kind.create();
        SimpleDetectors.run(target, VALUES, 0, 10_300);
        byte[] before = target.snapshot();
        assertThatThrownBy(() -> target.restore(snapshot))
                .isInstanceOf(DriftException.class).hasMessageContaining(message);
        assertThat(target.snapshot()).isEqualTo(before);

        DriftDetector twin = kind.create();
        twin.restore(before);
        assertThat(SimpleDetectors.run(target, VALUES, 10_300, 13_000))
                .isEqualTo(SimpleDetectors.run(twin, VALUES, 10_300, 13_000));
    }
}
