package io.visutility.drift.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.visutility.drift.DriftException;
import io.visutility.training.Dataset;
import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every generator is a pure function of its seed, and the drift composition mixes at the shares it promises. */
class RowStreamsTest {

    static Stream<Arguments> generators() {
        return Stream.of(
                Arguments.of("sea", (LongFunction<RowStream>) s -> RowStreams.sea(2, 0.1, s)),
                Arguments.of("agrawal", (LongFunction<RowStream>) s -> RowStreams.agrawal(5, 0.05, s)),
                Arguments.of("stagger", (LongFunction<RowStream>) s -> RowStreams.stagger(2, s)),
                Arguments.of("hyperplane", (LongFunction<RowStream>) s -> RowStreams.rotatingHyperplane(10, 2, 0.001, 0.1, 0.05, s)),
                Arguments.of("rbf", (LongFunction<RowStream>) s -> RowStreams.randomRbf(5, 20, 5, 0.001, s)),
                Arguments.of("sine", (LongFunction<RowStream>) s -> RowStreams.sine(3, s)),
                Arguments.of("mixed", (LongFunction<RowStream>) s -> RowStreams.mixed(1, s)),
                Arguments.of("drift", (LongFunction<RowStream>) s ->
                        RowStreams.drift(RowStreams.sine(1, s), RowStreams.sine(2, s + 1), 300, 100, s)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generators")
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers(String name, LongFunction<RowStream> factory) {
        Dataset a = factory.apply(17).take(600);
        Dataset b = factory.apply(17).take(600);
        Dataset c = factory.apply(18).take(600);

        assertThat(a.features()).isEqualTo(b.features());
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(a.features()).isNotEqualTo(c.features());
        assertThat(a.positiveRate()).as("both classes occur").isStrictlyBetween(0.02, 0.98);
    }

    @Test
    void abruptDriftSwitchesStreamsAtThePosition() {
        RowStream drift = RowStreams.drift(constant(0), constant(1), 1000, 0, 5);
        int[] labels = drift.take(2000).labels();
        for (int i = 0; i < 2000; i++) {
            assertThat(labels[i]).as("row %d", i).isEqualTo(i < 1000 ? 0 : 1);
        }
    }

    @Test
    void gradualDriftMixesAlongTheSigmoid() {
        long position = 50_000;
        long width = 20_000;
        int[] labels = RowStreams.drift(constant(0), constant(1), position, width, 9).take(100_000).labels();
        // around the centre half the rows are new; one width later 1 / (1 + e^-4) = 98.2% are
        assertThat(share(labels, 49_000, 51_000)).isCloseTo(0.5, within(0.04));
        assertThat(share(labels, 69_500, 70_500)).isCloseTo(0.982, within(0.015));
        assertThat(share(labels, 29_500, 30_500)).isCloseTo(0.018, within(0.015));
        assertThat(share(labels, 0, 10_000)).isLessThan(0.002);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> RowStreams.agrawal(11, 0.05, 1)).isInstanceOf(DriftException.class)
                .hasMessageContaining("function").hasMessageContaining("11");
        assertThatThrownBy(() -> RowStreams.sea(2, 1.5, 1)).hasMessageContaining("noise").hasMessageContaining("1.5");
        assertThatThrownBy(() -> RowStreams.drift(RowStreams.sine(1, 1), RowStreams.mixed(1, 1), 10, 0, 1))
                .hasMessageContaining("after must have the columns");
        assertThatThrownBy(() -> RowStreams.drift(RowStreams.sine(1, 1), RowStreams.sine(2, 1), -1, 0, 1))
                .hasMessageContaining("position").hasMessageContaining("-1");
        assertThatThrownBy(() -> RowStreams.randomRbf(2, 10, 11, 0.1, 1)).hasMessageContaining("moving");
    }

    private static double share(int[] labels, int from, int to) {
        double ones = 0;
        for (int i = from; i < to; i++) {
            ones += labels[i];
        }
        return ones / (to - from);
    }

    private static RowStream constant(int label) {
        return new RowStream() {
            @Override
            public List<String> featureNames() {
                return List.of("a");
            }

            @Override
            public int next(float[] row) {
                row[0] = label;
                return label;
            }
        };
    }
}
