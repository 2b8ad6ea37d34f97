package io.visutility.bench.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.bench.drift.SimpleDetectorPeers.Detections;
import io.visutility.drift.stream.BernoulliStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With MOA's defaults and the same values, our DDM, EDDM, Page-Hinkley and CUSUM raise drifts (and warnings,
 * where the method has them) at exactly the indices MOA 2024.07.0's do, on 24 seeded streams of each kind.
 */
class MoaEquivalenceSimpleDetectorsTest {
    private static final int SEEDS = 24;
    private static final int LENGTH = 20_000;
    private static final int STATIONARY_LENGTH = 100_000;
    private static final Map<SimpleDetectorPeers, int[]> TOTALS = new EnumMap<>(SimpleDetectorPeers.class);

    enum Kind {
        BERNOULLI_ABRUPT, BERNOULLI_SMALL, BERNOULLI_GRADUAL, STATIONARY;

        double[] values(long seed) {
            return switch (this) {
                case BERNOULLI_ABRUPT -> BernoulliStream.abrupt(0.2, 0.4, 10_000, seed).take(LENGTH);
                case BERNOULLI_SMALL -> BernoulliStream.abrupt(0.2, 0.25, 10_000, seed).take(LENGTH);
                case BERNOULLI_GRADUAL -> BernoulliStream.gradual(0.2, 0.4, 10_000, 2_000, seed).take(LENGTH);
                case STATIONARY -> BernoulliStream.stationary(0.2, seed).take(STATIONARY_LENGTH);
            };
        }
    }

    static Stream<Arguments> streams() {
        return Stream.of(Kind.values()).flatMap(kind -> IntStream.range(0, SEEDS)
                .mapToObj(i -> Arguments.of(kind, 0x5EED_0000L + 1_000L * kind.ordinal() + i)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("streams")
    void detectorsFlagTheSameIndicesAsMoa(Kind kind, long seed) {
        double[] values = kind.values(seed);
        for (SimpleDetectorPeers pair : SimpleDetectorPeers.values()) {
            Detections ours = pair.runOurs(values);
            Detections moa = pair.runMoa(values);
            assertThat(ours.drifts()).as("%s drift indices on %s seed %d", pair.label(), kind, seed)
                    .isEqualTo(moa.drifts());
            if (pair.warns()) {
                assertThat(ours.warnings()).as("%s warning indices on %s seed %d", pair.label(), kind, seed)
                        .isEqualTo(moa.warnings());
            } else {
                assertThat(ours.warnings()).as("%s has no warning level", pair.label()).isEmpty();
            }
            synchronized (TOTALS) {
                int[] totals = TOTALS.computeIfAbsent(pair, p -> new int[2]);
                totals[0] += moa.drifts().size();
                totals[1] += moa.warnings().size();
            }
        }
    }

    @AfterAll
    static void comparisonsWereNotVacuous() {
        assertThat(TOTALS).as("every detector was compared").hasSize(SimpleDetectorPeers.values().length);
        TOTALS.forEach((pair, totals) -> {
            assertThat(totals[0]).as("%s drifts over all streams", pair.label()).isPositive();
            if (pair.warns()) {
                assertThat(totals[1]).as("%s warnings over all streams", pair.label()).isPositive();
            }
        });
    }
}
