package io.visutility.bench.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.drift.Adwin;
import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftState;
import io.visutility.drift.HddmA;
import io.visutility.drift.HddmW;
import io.visutility.drift.stream.BernoulliStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import moa.classifiers.core.driftdetection.ADWINChangeDetector;
import moa.classifiers.core.driftdetection.ChangeDetector;
import moa.classifiers.core.driftdetection.HDDM_A_Test;
import moa.classifiers.core.driftdetection.HDDM_W_Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With MOA's defaults and the same values, our ADWIN, HDDM_A and HDDM_W flag drifts and warnings at
 * exactly the indices MOA's detectors do, on 20 seeded streams of each of four kinds.
 */
class MoaEquivalenceAdwinHddmTest {
    private static final int SEEDS = 20;
    /** Drift indices per detector and stream kind over all seeds, to show the comparison is not vacuous. */
    private static final ConcurrentHashMap<String, Integer> DRIFTS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, Integer> WARNINGS = new ConcurrentHashMap<>();

    enum Kind {
        ABRUPT(seed -> BernoulliStream.abrupt(0.2, 0.4, 10_000, seed).take(20_000)),
        SMALL(seed -> BernoulliStream.abrupt(0.2, 0.25, 10_000, seed).take(20_000)),
        GRADUAL(seed -> BernoulliStream.gradual(0.2, 0.4, 10_000, 2_000, seed).take(20_000)),
        STATIONARY(seed -> BernoulliStream.stationary(0.2, seed).take(100_000));

        final java.util.function.LongFunction<double[]> values;

        Kind(java.util.function.LongFunction<double[]> values) {
            this.values = values;
        }
    }

    enum Detector {
        ADWIN(Adwin::new, () -> new ADWINChangeDetector()),
        HDDM_A(HddmA::new, () -> new HDDM_A_Test()),
        HDDM_W(HddmW::new, () -> new HDDM_W_Test());

        final Supplier<DriftDetector> ours;
        final Supplier<ChangeDetector> moa;

        Detector(Supplier<DriftDetector> ours, Supplier<ChangeDetector> moa) {
            this.ours = ours;
            this.moa = moa;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Detector d : Detector.values()) {
            for (Kind k : Kind.values()) {
                for (long seed = 1; seed <= SEEDS; seed++) {
                    cases.add(Arguments.of(d, k, 7_919L * seed + k.ordinal()));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("cases")
    void sameDriftAndWarningIndicesAsMoa(Detector detector, Kind kind, long seed) {
        double[] values = kind.values.apply(seed);

        List<Integer> ourDrifts = new ArrayList<>();
        List<Integer> ourWarnings = new ArrayList<>();
        DriftDetector ours = detector.ours.get();
        for (int i = 0; i < values.length; i++) {
            DriftState s = ours.update(values[i]);
            if (s == DriftState.DRIFT) {
                ourDrifts.add(i);
            } else if (s == DriftState.WARNING) {
                ourWarnings.add(i);
            }
        }

        List<Integer> moaDrifts = new ArrayList<>();
        List<Integer> moaWarnings = new ArrayList<>();
        ChangeDetector moa = detector.moa.get();
        moa.prepareForUse();
        for (int i = 0; i < values.length; i++) {
            moa.input(values[i]);
            if (moa.getChange()) {
                moaDrifts.add(i);
            } else if (moa.getWarningZone()) {
                moaWarnings.add(i);
            }
        }

        assertThat(ourDrifts).as("drift indices").isEqualTo(moaDrifts);
        assertThat(ourWarnings).as("warning indices").isEqualTo(moaWarnings);
        DRIFTS.merge(detector + " " + kind, ourDrifts.size(), Integer::sum);
        WARNINGS.merge(detector + " " + kind, ourWarnings.size(), Integer::sum);
    }

    @AfterAll
    static void everyDetectorFoundTheAbruptDrifts() {
        // Only meaningful when the whole class ran; a filtered run may skip some of the cases.
        if (DRIFTS.size() == Detector.values().length * Kind.values().length) {
            for (Detector d : Detector.values()) {
                assertThat(DRIFTS.get(d + " " + Kind.ABRUPT)).as(d + " drifts on abrupt streams")
                        .isGreaterThanOrEqualTo(SEEDS);
            }
            // ADWIN has no warning level; both HDDM tests warn before the abrupt drifts.
            assertThat(WARNINGS.get(Detector.HDDM_A + " " + Kind.ABRUPT)).isPositive();
            assertThat(WARNINGS.get(Detector.HDDM_W + " " + Kind.ABRUPT)).isPositive();
        }
    }
}
