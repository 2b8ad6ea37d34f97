package io.visutility.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.event.MonitorEvent.DriftDetected;
import io.visutility.event.MonitorEvent.DriftWarning;
import io.visutility.event.MonitorEvent.Recovered;
import io.visutility.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Checks that detectors on the error stream and the rule on labelled predictions drive the incident state machine. */
class PredictionSignalsTest {
    private static final double[] ROW = {1.0, 2.0};
    private final MutableClock clock = MutableClock.atEpochOfTests();
    private final List<MonitorEvent> events = new CopyOnWriteArrayList<>();
    private final List<StreakDetector> made = new CopyOnWriteArrayList<>();
    private int next;

    private ModelMonitor monitor(MonitorPolicy policy) {
        ModelMonitor monitor = ModelMonitor.builder().bus(EventBus.builder().executor(Runnable::run).build())
                .clock(clock).defaultPolicy(policy).build();
        monitor.subscribe("recorder", events::add);
        return monitor;
    }

    private MonitorPolicy policy() {
        DetectorFactory streak = new DetectorFactory("streak", () -> {
            StreakDetector d = new StreakDetector(3, 5);
            made.add(d);
            return d;
        });
        return MonitorPolicy.defaults().withTimings(Duration.ofMinutes(10), Duration.ofMinutes(15))
                .withLabels(LabelPolicy.defaults().withWindow(20, 20)).withDetectors(List.of(streak));
    }

    /** {@code n} labelled predictions, right or wrong, each joined at once. */
    private void predict(ModelMonitor monitor, boolean right, int n) {
        for (int i = 0; i < n; i++) {
            Instant t = clock.instant();
            monitor.observePrediction("churn", "p" + next++, ROW, 0.9, right ? 1 : 0, t);
        }
    }

    private <T> List<T> of(Class<T> kind) {
        return events.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Test
    void aDetectorDriftOpensOneIncidentNamingTheDetector() {
        ModelMonitor monitor = monitor(policy());
        predict(monitor, true, 10);
        predict(monitor, false, 4);
        assertThat(of(DriftDetected.class)).isEmpty();

        predict(monitor, false, 1);

        DriftDetected drift = of(DriftDetected.class).get(0);
        assertThat(drift.reason()).isEqualTo("error-stream detector streak: drift after 15 labelled predictions");
        assertThat(drift.incidentId()).isEqualTo(drift.id());
        assertThat(drift.samples()).isEqualTo(15);
        assertThat(monitor.health("churn")).isEqualTo(ModelHealth.DEGRADED);

        predict(monitor, false, 30);
        assertThat(of(DriftDetected.class)).as("one incident at a time").hasSize(1);
        assertThat(of(MonitorEvent.Metrics.class)).as("predictions are not published one by one").isEmpty();
    }

    @Test
    void aWarningIsPublishedOncePerEpisodeAndOpensNoIncident() {
        ModelMonitor monitor = monitor(policy());
        predict(monitor, false, 4);
        predict(monitor, true, 1);
        predict(monitor, false, 3);

        assertThat(of(DriftWarning.class)).hasSize(2).allSatisfy(w -> {
            assertThat(w.detector()).isEqualTo("streak");
            assertThat(w.model()).isEqualTo("churn");
        });
        assertThat(of(DriftWarning.class).get(0).labelled()).isEqualTo(3);
        assertThat(of(DriftWarning.class).get(1).reason())
                .isEqualTo("error-stream detector streak: warning after 8 labelled predictions");
        assertThat(of(DriftDetected.class)).isEmpty();

        ModelMonitor quiet = monitor(policy().withWarnings(false));
        events.clear();
        predict(quiet, false, 4);
        assertThat(events).isEmpty();
    }

    @Test
    void aSignalThePolicyDoesNotAllowOpensNothing() {
        ModelMonitor monitor = monitor(policy().withSignals(EnumSet.of(Signal.PERFORMANCE_RULE)));
        predict(monitor, true, 20);
        predict(monitor, false, 5);

        assertThat(of(DriftDetected.class)).isEmpty();
        assertThat(made.get(0).read).hasSize(25);
    }

    @Test
    void afterAPromotionDetectorsResetTheWindowRestartsAndTheCooldownHolds() {
        ModelMonitor monitor = monitor(policy());
        predict(monitor, true, 20);
        predict(monitor, false, 5);
        assertThat(of(DriftDetected.class)).hasSize(1);
        monitor.observePrediction("churn", "old", ROW, 0.9, null, clock.instant());

        monitor.retrainStarted("churn", "job-1");
        monitor.retrainFinished("churn", "job-1", true);

        assertThat(made).hasSize(1);
        assertThat(made.get(0).resets).isEqualTo(1);
        assertThat(monitor.labelStats("churn").orElseThrow().window().total()).isZero();
        monitor.observeLabel("churn", "old", 0, clock.instant());
        assertThat(made.get(0).read).as("not read after the reset").hasSize(25);
        LabelStats stats = monitor.labelStats("churn").orElseThrow();
        assertThat(stats.stale()).as("made by the replaced version").isEqualTo(1);
        assertThat(stats.window().total()).isZero();

        predict(monitor, false, 5);
        assertThat(of(DriftDetected.class)).as("quiet during the cooldown").hasSize(1);

        clock.advance(Duration.ofMinutes(10));
        predict(monitor, false, 5);
        assertThat(of(DriftDetected.class)).hasSize(2);
        assertThat(of(DriftDetected.class).get(1).reason()).contains("drift after 10 labelled predictions");
    }

    @Test
    void theRuleOnLabelledPredictionsOpensAnIncidentAndAFreshHealthyWindowClosesIt() {
        ModelMonitor monitor = monitor(policy().withDetectors(List.of()));
        predict(monitor, false, 19);
        assertThat(of(DriftDetected.class)).as("fewer than minLabelled").isEmpty();
        predict(monitor, false, 1);

        DriftDetected drift = of(DriftDetected.class).get(0);
        assertThat(drift.reason()).startsWith("labelled predictions: ").contains("minF1").endsWith("over 20 samples");
        assertThat(drift.windowF1()).isZero();

        predict(monitor, true, 19);
        assertThat(of(Recovered.class)).isEmpty();
        predict(monitor, true, 1);
        assertThat(of(Recovered.class)).singleElement()
                .satisfies(r -> assertThat(r.incidentId()).isEqualTo(drift.incidentId()));
        assertThat(monitor.health("churn")).isEqualTo(ModelHealth.HEALTHY);
    }

    @Test
    void anIncidentWithoutARetrainAlarmsAgainAfterTheRetryDelay() {
        ModelMonitor monitor = monitor(policy());
        predict(monitor, false, 5);
        clock.advance(Duration.ofMinutes(14));
        predict(monitor, false, 1);
        assertThat(of(DriftDetected.class)).hasSize(1);

        clock.advance(Duration.ofMinutes(1));
        monitor.observeLabel("churn", "unknown", 1, clock.instant());

        assertThat(of(DriftDetected.class)).extracting(DriftDetected::attempt).containsExactly(1, 2);
        assertThat(of(DriftDetected.class).get(1).incidentId()).isEqualTo(of(DriftDetected.class).get(0).id());
    }

    @Test
    void reportedMetricsStillOpenIncidentsBesidePredictions() {
        ModelMonitor monitor = monitor(policy().withWindow(5, 5));
        predict(monitor, true, 30);
        for (int i = 0; i < 5; i++) {
            monitor.observe("churn", io.visutility.metrics.PerformanceMetrics.of(0.3, 0.3));
        }
        assertThat(of(DriftDetected.class)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("minAvg").doesNotContain("labelled"));
    }
}
