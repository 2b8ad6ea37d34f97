package io.visutility.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.event.MonitorEvent.DriftDetected;
import io.visutility.event.MonitorEvent.Recovered;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.registry.InvalidArgumentException;
import io.visutility.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks the monitor's per-model state machine: one alarm per incident, hysteresis, cooldown and retries. */
class ModelMonitorTest {
    private static final PerformanceMetrics GOOD = PerformanceMetrics.of(0.9, 0.9);
    private static final PerformanceMetrics BAD = PerformanceMetrics.of(0.4, 0.4);
    private static final MonitorPolicy POLICY = MonitorPolicy.defaults().withWindow(5, 5)
            .withTimings(Duration.ofMinutes(10), Duration.ofMinutes(15));

    private final MutableClock clock = MutableClock.atEpochOfTests();
    private final List<MonitorEvent> events = new CopyOnWriteArrayList<>();
    private final ModelMonitor monitor = monitor(ModelMonitor.builder());

    private ModelMonitor monitor(ModelMonitor.Builder builder) {
        ModelMonitor built = builder.bus(EventBus.builder().executor(Runnable::run).build()).clock(clock)
                .defaultPolicy(POLICY).build();
        built.subscribe("recorder", events::add);
        return built;
    }

    private void observe(String model, PerformanceMetrics metrics, int times) {
        for (int i = 0; i < times; i++) {
            monitor.observe(model, metrics);
        }
    }

    private List<DriftDetected> drifts() {
        return events.stream().filter(DriftDetected.class::isInstance).map(DriftDetected.class::cast).toList();
    }

    private List<Recovered> recoveries() {
        return events.stream().filter(Recovered.class::isInstance).map(Recovered.class::cast).toList();
    }

    /** Degrades {@code model} and returns its alarm. */
    private DriftDetected degrade(String model) {
        int before = drifts().size();
        observe(model, BAD, 5);
        assertThat(drifts()).hasSize(before + 1);
        return drifts().get(before);
    }

    @Test
    void healthyTrafficOnlyPublishesTheSamples() {
        observe("churn", GOOD, 20);

        assertThat(events).hasSize(20).allMatch(MonitorEvent.Metrics.class::isInstance);
        assertThat(events.get(0)).isEqualTo(new MonitorEvent.Metrics(events.get(0).id(), "churn", clock.instant(), GOOD));
        ModelStatus status = monitor.status("churn").orElseThrow();
        assertThat(status.health()).isEqualTo(ModelHealth.HEALTHY);
        assertThat(status.observed()).isEqualTo(20);
        assertThat(status.window().samples()).isEqualTo(5);
    }

    @Test
    void aDegradedWindowRaisesOneAlarmForTheIncidentAndNoSampleDecidesAlone() {
        observe("churn", BAD, 4);
        assertThat(drifts()).isEmpty();
        assertThat(monitor.health("churn")).isEqualTo(ModelHealth.HEALTHY);

        monitor.observe("churn", BAD);
        observe("churn", BAD, 20);

        DriftDetected drift = drifts().get(0);
        assertThat(drifts()).hasSize(1);
        assertThat(drift.incidentId()).isEqualTo(drift.id());
        assertThat(drift.attempt()).isEqualTo(1);
        assertThat(drift.model()).isEqualTo("churn");
        assertThat(drift.time()).isEqualTo(clock.instant());
        assertThat(drift.samples()).isEqualTo(5);
        assertThat(drift.windowAverage()).isCloseTo(0.4, within(1e-9));
        assertThat(drift.windowF1()).isCloseTo(0.4, within(1e-9));
        assertThat(drift.reason()).contains("minAvg").contains("minF1").contains("5 samples");
        assertThat(events.get(4)).isInstanceOf(MonitorEvent.Metrics.class);
        assertThat(events.get(5)).isSameAs(drift);
        ModelStatus status = monitor.status("churn").orElseThrow();
        assertThat(status.health()).isEqualTo(ModelHealth.DEGRADED);
        assertThat(status.incidentId()).isEqualTo(drift.id());
    }

    @Test
    void aLowF1AloneDegradesTheModel() {
        observe("churn", new PerformanceMetrics(0.9, 0.9, 0.3), 5);

        assertThat(drifts()).singleElement().satisfies(d ->
                assertThat(d.reason()).contains("mean F1").doesNotContain("minAvg"));
    }

    @Test
    void aDegradedModelRecoversOnlyWhenClearlyAboveTheThresholds() {
        DriftDetected drift = degrade("churn");

        observe("churn", GOOD, 2);
        assertThat(recoveries()).as("a mean of 0.6 is not degraded, but not clearly healthy either").isEmpty();
        assertThat(monitor.health("churn")).isEqualTo(ModelHealth.DEGRADED);

        observe("churn", GOOD, 2);
        assertThat(recoveries()).as("a mean of 0.8 still counts samples from before the alarm").isEmpty();

        monitor.observe("churn", GOOD);

        assertThat(recoveries()).as("a full window taken after the alarm clears the re-arm level")
                .singleElement().satisfies(r -> {
                    assertThat(r.incidentId()).isEqualTo(drift.id());
                    assertThat(r.windowAverage()).isCloseTo(0.9, within(1e-9));
                    assertThat(r.time()).isEqualTo(clock.instant());
                });
        assertThat(monitor.status("churn").orElseThrow().incidentId()).isNull();
        assertThat(monitor.health("churn")).isEqualTo(ModelHealth.HEALTHY);

        observe("churn", BAD, 5);
        assertThat(drifts()).hasSize(2);
        assertThat(drifts().get(1).incidentId()).isNotEqualTo(drift.id());
        assertThat(drifts().get(1).attempt()).isEqualTo(1);
    }

    @Test
    void aPromotedRetrainReArmsWithAnEmptyWindowAfterTheCooldown() {
        DriftDetected first = degrade("churn");
        monitor.retrainStarted("churn", "job-1");
        assertThat(monitor.status("churn").orElseThrow().activeJobId()).isEqualTo("job-1");
        assertThat(monitor.health("churn")).isEqualTo(ModelHealth.RETRAINING);
        observe("churn", BAD, 10);
        assertThat(drifts()).as("no alarm while retraining").hasSize(1);

        monitor.retrainFinished("churn", "job-1", true);

        ModelStatus status = monitor.status("churn").orElseThrow();
        assertThat(status.health()).isEqualTo(ModelHealth.HEALTHY);
        assertThat(status.window().samples()).isZero();
        assertThat(status.incidentId()).isNull();
        assertThat(status.activeJobId()).isNull();
        assertThat(status.quietUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));

        observe("churn", BAD, 10);
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        monitor.observe("churn", BAD);
        assertThat(drifts()).as("quiet during the cooldown").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        monitor.observe("churn", BAD);
        assertThat(drifts()).hasSize(2);
        assertThat(drifts().get(1).incidentId()).isNotEqualTo(first.incidentId());
        assertThat(drifts().get(1).attempt()).isEqualTo(1);
    }

    @Test
    void anUnpromotedRetrainRaisesTheSameIncidentAgainAfterTheRetryDelay() {
        DriftDetected first = degrade("churn");
        monitor.retrainStarted("churn", "job-1");
        monitor.retrainFinished("churn", "job-1", false);
        assertThat(monitor.health("churn")).isEqualTo(ModelHealth.DEGRADED);

        observe("churn", BAD, 5);
        clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        monitor.observe("churn", BAD);
        assertThat(drifts()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        observe("churn", BAD, 5);

        assertThat(drifts()).hasSize(2);
        DriftDetected retry = drifts().get(1);
        assertThat(retry.incidentId()).isEqualTo(first.id());
        assertThat(retry.id()).isNotEqualTo(first.id());
        assertThat(retry.attempt()).isEqualTo(2);

        monitor.retrainStarted("churn", "job-2");
        monitor.retrainFinished("churn", "job-2", false);
        clock.advance(Duration.ofMinutes(15));
        monitor.observe("churn", BAD);
        assertThat(drifts()).extracting(DriftDetected::attempt).containsExactly(1, 2, 3);
        assertThat(drifts()).extracting(DriftDetected::incidentId).containsOnly(first.id());
    }

    @Test
    void theEndOfAnotherJobIsIgnored() {
        degrade("churn");
        monitor.retrainStarted("churn", "job-1");

        monitor.retrainFinished("churn", "job-stale", true);

        assertThat(monitor.health("churn")).isEqualTo(ModelHealth.RETRAINING);
        assertThat(monitor.status("churn").orElseThrow().activeJobId()).isEqualTo("job-1");
    }

    @Test
    void modelsAreJudgedIndependentlyEachByItsOwnPolicy() {
        events.clear();
        ModelMonitor custom = monitor(ModelMonitor.builder().policy("quick", POLICY.withWindow(2, 2)));
        events.clear();

        for (int i = 0; i < 5; i++) {
            custom.observe("slow", BAD);
            custom.observe("fine", GOOD);
            custom.observe("quick", BAD);
        }

        assertThat(drifts()).extracting(DriftDetected::model).containsExactly("quick", "slow");
        assertThat(drifts().get(0).samples()).isEqualTo(2);
        assertThat(custom.health("fine")).isEqualTo(ModelHealth.HEALTHY);
        assertThat(custom.models()).containsExactly("fine", "quick", "slow");
        assertThat(custom.policy("quick").windowSize()).isEqualTo(2);
        assertThat(custom.policy("fine")).isEqualTo(POLICY);
    }

    @Test
    void aModelNeverSeenIsHealthyWithoutStatus() {
        assertThat(monitor.health("ghost")).isEqualTo(ModelHealth.HEALTHY);
        assertThat(monitor.status("ghost")).isEmpty();
        assertThat(monitor.models()).isEmpty();
    }

    @Test
    void settingAPolicyRestartsTheModelsWindow() {
        observe("churn", BAD, 4);

        monitor.setPolicy("churn", POLICY.withWindow(3, 3));
        observe("churn", BAD, 2);
        assertThat(drifts()).isEmpty();
        monitor.observe("churn", BAD);

        assertThat(drifts()).singleElement().extracting(DriftDetected::samples).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", "a/b", "tab\there", ".hidden"})
    void anInvalidModelNameIsRefusedAndNothingIsRecorded(String name) {
        assertThatExceptionOfType(InvalidArgumentException.class).isThrownBy(() -> monitor.observe(name, BAD))
                .satisfies(e -> assertThat(e.field()).isEqualTo("model"));
        assertThatExceptionOfType(InvalidArgumentException.class)
                .isThrownBy(() -> monitor.retrainStarted(name, "job-1"));

        assertThat(events).isEmpty();
        assertThat(monitor.models()).isEmpty();
    }
}
