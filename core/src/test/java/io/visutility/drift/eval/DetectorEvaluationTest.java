package io.visutility.drift.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftException;
import io.visutility.drift.DriftState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The harness counts detections, delays and false alarms as defined, and its scores do not depend on threads. */
class DetectorEvaluationTest {

    @Test
    void countsFalseAlarmsDetectionDelayAndAlarmsPerDrift() {
        StreamSpec stream = new StreamSpec("ramp", "zeros", 100, 50, seed -> () -> 0.0);
        Map<String, Supplier<DriftDetector>> detectors = new LinkedHashMap<>();
        detectors.put("scripted", () -> new ScriptedDetector(Set.of(10L, 60L, 70L)));
        detectors.put("silent", () -> new ScriptedDetector(Set.of()));

        List<DetectorScore> scores = DetectorEvaluation.of(detectors, Runnable::run).evaluate(stream, 3, 1);

        DetectorScore scripted = scores.get(0);
        assertThat(scripted.detector()).isEqualTo("scripted");
        assertThat(scripted.stream()).isEqualTo("ramp");
        assertThat(scripted.runs()).isEqualTo(3);
        assertThat(scripted.recall()).isEqualTo(1.0);
        assertThat(scripted.medianDelay()).isEqualTo(10.0);
        assertThat(scripted.meanDelay()).isEqualTo(10.0);
        assertThat(scripted.falseAlarmsPerMillion()).isCloseTo(20_000.0, within(1e-6)); // 1 in 50 stable values
        assertThat(scripted.alarmsPerDrift()).isEqualTo(2.0);

        DetectorScore silent = scores.get(1);
        assertThat(silent.recall()).isZero();
        assertThat(silent.medianDelay()).isNaN();
        assertThat(silent.meanDelay()).isNaN();
        assertThat(silent.falseAlarmsPerMillion()).isZero();
        assertThat(silent.alarmsPerDrift()).isZero();
    }

    @Test
    void onAStationaryStreamEveryAlarmIsFalseAndRecallDoesNotApply() {
        StreamSpec stream = new StreamSpec("flat", "zeros", 1_000, StreamSpec.NO_DRIFT, seed -> () -> 0.0);
        DetectorScore score = DetectorEvaluation.of(Map.of("d", () -> new ScriptedDetector(Set.of(5L, 900L))),
                Runnable::run).evaluate(stream, 4, 1).get(0);

        assertThat(score.falseAlarmsPerMillion()).isCloseTo(2_000.0, within(1e-6));
        assertThat(score.recall()).isNaN();
        assertThat(score.alarmsPerDrift()).isNaN();
    }

    @Test
    void delaysAreMedianAndMeanOverDetectingRunsOnly() {
        // the stream emits its run's number, and the detector fires at an index chosen per run; run 3 never fires
        java.util.List<Long> seeds = java.util.stream.IntStream.range(0, 4)
                .mapToObj(run -> DetectorEvaluation.runSeed(3, run)).toList();
        StreamSpec stream = new StreamSpec("seeded", "run number", 200, 100, seed -> {
            double run = seeds.indexOf(seed);
            return () -> run;
        });
        Map<Long, Long> fireAt = Map.of(0L, 110L, 1L, 130L, 2L, 190L);
        Supplier<DriftDetector> factory = () -> new SeedKeyedDetector(fireAt);

        DetectorScore score = DetectorEvaluation.of(Map.of("d", factory), Runnable::run).evaluate(stream, 4, 3).get(0);

        assertThat(score.recall()).isEqualTo(0.75);
        assertThat(score.medianDelay()).isEqualTo(30.0);
        assertThat(score.meanDelay()).isCloseTo((10 + 30 + 90) / 3.0, within(1e-9));
        assertThat(score.alarmsPerDrift()).isEqualTo(0.75);
    }

    @Test
    void scoresAreTheSameOnOneThreadAndOnFour() {
        Map<String, Supplier<DriftDetector>> detectors = Map.of("window", () -> new WindowMeanDetector(200, 0.3));
        StreamSpec stream = StreamCatalogue.byName("bernoulli-abrupt");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<DetectorScore> serial = DetectorEvaluation.of(detectors, Runnable::run).evaluate(stream, 12, 99);
            List<DetectorScore> parallel = DetectorEvaluation.of(detectors, pool).evaluate(stream, 12, 99);
            assertThat(parallel).isEqualTo(serial);
            assertThat(serial.get(0).recall()).isEqualTo(1.0);
            assertThat(serial.get(0).medianDelay()).isBetween(1.0, 400.0);
            List<DetectorScore> otherSeed = DetectorEvaluation.of(detectors, Runnable::run).evaluate(stream, 12, 100);
            assertThat(otherSeed).isNotEqualTo(serial);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> DetectorEvaluation.of(Map.of(), Runnable::run))
                .isInstanceOf(DriftException.class).hasMessageContaining("detectors");
        DetectorEvaluation evaluation = DetectorEvaluation.of(Map.of("d", () -> new ScriptedDetector(Set.of())), Runnable::run);
        assertThatThrownBy(() -> evaluation.evaluate(StreamCatalogue.byName("bernoulli-small"), 0, 1))
                .hasMessageContaining("runs").hasMessageContaining("0");
        assertThatThrownBy(() -> StreamCatalogue.byName("nope")).hasMessageContaining("stream").hasMessageContaining("'nope'");
        assertThatThrownBy(() -> new StreamSpec("x", "", 10, 10, s -> () -> 0)).hasMessageContaining("driftStart");
    }

    /** Raises DRIFT at fixed indices of the values it reads. */
    static final class ScriptedDetector extends TestDetector {
        private final Set<Long> at;

        ScriptedDetector(Set<Long> at) {
            this.at = at;
        }

        @Override
        public DriftState update(double value) {
            return at.contains(read++) ? DriftState.DRIFT : DriftState.STABLE;
        }
    }

    /** Fires once at the index its first value (the run's number) maps to. */
    static final class SeedKeyedDetector extends TestDetector {
        private final Map<Long, Long> fireAt;
        private long target = -2;

        SeedKeyedDetector(Map<Long, Long> fireAt) {
            this.fireAt = fireAt;
        }

        @Override
        public DriftState update(double value) {
            if (target == -2) {
                target = fireAt.getOrDefault((long) value, -1L);
            }
            return read++ == target ? DriftState.DRIFT : DriftState.STABLE;
        }
    }

    /** Alarms when the mean of a tumbling window exceeds a threshold. */
    static final class WindowMeanDetector extends TestDetector {
        private final int window;
        private final double threshold;
        private double sum;

        WindowMeanDetector(int window, double threshold) {
            this.window = window;
            this.threshold = threshold;
        }

        @Override
        public DriftState update(double value) {
            sum += value;
            if (++read % window != 0) {
                return DriftState.STABLE;
            }
            double mean = sum / window;
            sum = 0;
            return mean > threshold ? DriftState.DRIFT : DriftState.STABLE;
        }
    }

    abstract static class TestDetector implements DriftDetector {
        long read;

        @Override
        public void reset() {
            read = 0;
        }

        @Override
        public String name() {
            return getClass().getSimpleName();
        }

        @Override
        public byte[] snapshot() {
            throw new UnsupportedOperationException("not needed by the harness");
        }

        @Override
        public void restore(byte[] snapshot) {
            throw new UnsupportedOperationException("not needed by the harness");
        }
    }
}
