package io.visutility.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.event.MonitorEvent.DriftDetected;
import io.visutility.monitor.internal.FeatureHook;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Checks that bad predictions and labels are refused by name and leave nothing behind, and the feature hook. */
class PredictionInputTest {
    private static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
    private final MutableClock clock = MutableClock.atEpochOfTests();
    private final List<MonitorEvent> events = new CopyOnWriteArrayList<>();

    /** A hook that reports drift when a row's first feature exceeds 100, and keeps what it is told. */
    private static final class LimitHook implements FeatureHook {
        final List<double[]> rows = new ArrayList<>();
        int rearms;

        @Override
        public String observe(double[] features) {
            rows.add(features.clone());
            return features[0] > 100 ? "x0 above 100" : null;
        }

        @Override
        public void rearm() {
            rearms++;
        }
    }

    private ModelMonitor monitor(MonitorPolicy policy, FeatureHook.Factory hooks) {
        ModelMonitor monitor = ModelMonitor.builder().bus(EventBus.builder().executor(Runnable::run).build())
                .clock(clock).defaultPolicy(policy).featureHooks(hooks).build();
        monitor.subscribe("recorder", events::add);
        return monitor;
    }

    @Test
    void badArgumentsAreRefusedByNameAndNothingIsStored() {
        ModelMonitor monitor = monitor(MonitorPolicy.defaults(), FeatureHook.Factory.NONE);
        double[] row = {1, 2};
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observePrediction("churn", " ", row, 0.5, null, T))
                .withMessage("id must be 1 to 256 characters, not all blank, was \" \"");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observePrediction("churn", "x".repeat(257), row, 0.5, null, T))
                .withMessageStartingWith("id must be 1 to 256 characters");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observePrediction("churn", "a", new double[] {1, Double.NaN}, 0.5, null, T))
                .withMessage("features[1] must be finite, was NaN");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observePrediction("churn", "a", null, 0.5, null, T))
                .withMessage("features must be given, was null");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observePrediction("churn", "a", row, 1.5, null, T))
                .withMessage("score must be within [0, 1], was 1.5");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observePrediction("churn", "a", row, Double.NaN, null, T))
                .withMessage("score must be within [0, 1], was NaN");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observePrediction("churn", "a", row, 0.5, 2, T))
                .withMessage("label must be 0 or 1, was 2");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observePrediction("churn", "a", row, 0.5, null, null))
                .withMessageStartingWith("time must be within [").withMessageEndingWith("was null");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observeLabel("churn", "a", -1, T))
                .withMessage("label must be 0 or 1, was -1");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observeLabel("churn", "a", 1, Instant.MAX))
                .withMessageEndingWith("was " + Instant.MAX);
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> monitor.observeLabel("no spaces allowed", "a", 1, T));
        assertThat(monitor.models()).isEmpty();

        monitor.observePrediction("churn", "a", row, 0.5, null, T);
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> monitor.observePrediction("churn", "b", new double[3], 0.5, null, T))
                .withMessage("features must have 2 values for model churn, had 3");
        LabelStats stats = monitor.labelStats("churn").orElseThrow();
        assertThat(stats.predictions()).isEqualTo(1);
        assertThat(stats.pending()).isEqualTo(1);
    }

    @Test
    void featuresReachTheModelsHookAndItsDriftOpensAnIncident() {
        List<LimitHook> hooks = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        MonitorPolicy policy = MonitorPolicy.defaults().withTimings(Duration.ofMinutes(10), Duration.ofMinutes(15));
        ModelMonitor monitor = monitor(policy, (model, dimension) -> {
            asked.add(model + "/" + dimension);
            LimitHook hook = new LimitHook();
            hooks.add(hook);
            return hook;
        });
        double[] row = {5, 6, 7};
        monitor.observePrediction("churn", "a", row, 0.5, null, T);
        row[0] = 500;
        monitor.observePrediction("churn", "b", row, 0.5, null, T);
        monitor.observePrediction("churn", "c", row, 0.5, null, T);

        assertThat(asked).containsExactly("churn/3");
        assertThat(hooks.get(0).rows).hasSize(3);
        assertThat(hooks.get(0).rows.get(0)).containsExactly(5, 6, 7);
        assertThat(events).singleElement().isInstanceOfSatisfying(DriftDetected.class,
                d -> assertThat(d.reason()).isEqualTo("feature drift: x0 above 100"));

        monitor.retrainStarted("churn", "job");
        monitor.retrainFinished("churn", "job", true);
        assertThat(hooks.get(0).rearms).isEqualTo(1);

        ModelMonitor deaf = monitor(policy.withSignals(EnumSet.of(Signal.ERROR_DETECTOR)), (m, d) -> new LimitHook());
        events.clear();
        deaf.observePrediction("churn", "a", row, 0.5, null, T);
        assertThat(events).isEmpty();
    }

    @Test
    void policyPartsAreValidatedByName() {
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> LabelPolicy.defaults().withHorizon(Duration.ZERO))
                .withMessage("horizon must be a duration > 0, was PT0S");
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> LabelPolicy.defaults().withCaps(0, 5))
                .withMessage("maxPending must be >= 1, was 0");
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> LabelPolicy.defaults().withWindow(10, 11))
                .withMessage("minLabelled must be within [1, window=10], was 11");
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> LabelPolicy.defaults().withThreshold(-0.1))
                .withMessage("threshold must be within [0, 1], was -0.1");
        DetectorFactory a = new DetectorFactory("streak", () -> new StreakDetector(1, 2));
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> MonitorPolicy.defaults().withDetectors(List.of(a, a)))
                .withMessage("detectors must have distinct names, streak was given twice");
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> new DetectorFactory(" ", () -> null))
                .withMessage("detector name must be 1 to 64 non-blank characters, was  ");
        assertThatExceptionOfType(MonitorException.class)
                .isThrownBy(() -> new DetectorFactory("none", () -> null).create())
                .withMessage("detector factory none made no detector (null)");
        assertThatExceptionOfType(MonitorException.class).isThrownBy(() -> MonitorPolicy.defaults().withSignals(null))
                .withMessage("signals must be a set of signals, was null");
        assertThat(MonitorPolicy.defaults().signals()).containsExactlyInAnyOrder(Signal.values());
        assertThat(MonitorPolicy.defaults().detectors()).isEmpty();
        assertThat(MonitorPolicy.defaults().withSignals(EnumSet.noneOf(Signal.class)).allows(Signal.FEATURE_DRIFT))
                .isFalse();
        assertThat(DetectorFactory.of(() -> new StreakDetector(1, 2)).name()).isEqualTo("streak");
    }
}
