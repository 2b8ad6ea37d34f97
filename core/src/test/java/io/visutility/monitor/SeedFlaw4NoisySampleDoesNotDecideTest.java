package io.visutility.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.testing.MutableClock;
import io.visutility.testing.RecordingObserver;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Pins seed flaw 4: one noisy sample decided, F1 was ignored and there was no minimum sample count; now a
 * window of at least {@code minSamples} decides, F1 counts, and a re-arm margin keeps a borderline model
 * from flapping.
 */
class SeedFlaw4NoisySampleDoesNotDecideTest {
    private static final String MODEL = "fraud";
    private static final PerformanceMetrics GOOD = PerformanceMetrics.of(0.9, 0.9);

    private final RecordingObserver events = new RecordingObserver();

    @Test
    void oneBadSampleAmongGoodOnesRaisesNothing() {
        ModelMonitor monitor = monitor(MonitorPolicy.defaults());
        PerformanceMetrics awful = PerformanceMetrics.of(0.0, 0.0);
        assertThat(awful.isDegraded(0.6)).as("the seed's rule would have raised on it").isTrue();

        observe(monitor, 30, GOOD);
        observe(monitor, 1, awful);
        observe(monitor, 30, GOOD);

        assertThat(events.story()).isEmpty();
        assertThat(monitor.health(MODEL)).isEqualTo(ModelHealth.HEALTHY);
    }

    @Test
    void fewerThanMinSamplesRaiseNothing() {
        MonitorPolicy policy = MonitorPolicy.defaults();
        ModelMonitor monitor = monitor(policy);

        observe(monitor, policy.minSamples() - 1, PerformanceMetrics.of(0.0, 0.0));

        assertThat(events.story()).isEmpty();
        assertThat(monitor.health(MODEL)).isEqualTo(ModelHealth.HEALTHY);

        observe(monitor, 1, PerformanceMetrics.of(0.0, 0.0));

        assertThat(events.single(MonitorEvent.DriftDetected.class).samples()).isEqualTo(policy.minSamples());
    }

    @Test
    void f1BelowItsThresholdRaisesDriftEvenWhenThePrecisionRecallAverageIsFine() {
        ModelMonitor monitor = monitor(MonitorPolicy.defaults());
        PerformanceMetrics lopsided = PerformanceMetrics.of(1.0, 0.3);
        assertThat(lopsided.average()).isGreaterThan(0.6);
        assertThat(lopsided.f1Score()).isLessThan(0.6);
        assertThat(lopsided.isDegraded(0.6)).as("the seed's rule ignored F1").isFalse();

        observe(monitor, 20, lopsided);

        MonitorEvent.DriftDetected drift = events.single(MonitorEvent.DriftDetected.class);
        assertThat(drift.windowAverage()).isGreaterThan(0.6);
        assertThat(drift.windowF1()).isLessThan(0.6);
        assertThat(drift.reason()).contains("F1").doesNotContain("minAvg");
    }

    @Test
    void aWindowHoveringAroundTheThresholdDoesNotFlap() {
        ModelMonitor monitor = monitor(MonitorPolicy.defaults());

        hover(monitor, new Random(4));

        assertThat(events.of(MonitorEvent.DriftDetected.class)).hasSize(1);
        assertThat(events.of(MonitorEvent.Recovered.class)).isEmpty();

        observe(monitor, 20, GOOD);

        assertThat(events.story()).containsExactly("DriftDetected", "Recovered");
        assertThat(monitor.health(MODEL)).isEqualTo(ModelHealth.HEALTHY);
    }

    @Test
    void withoutTheReArmMarginTheSameSignalWouldFlap() {
        // Guards the test above: the hovering signal really crosses the line both ways many times.
        ModelMonitor monitor = monitor(MonitorPolicy.defaults().withRule(new DegradationRule(0.6, 0.6, 0.0)));

        hover(monitor, new Random(4));

        assertThat(events.of(MonitorEvent.DriftDetected.class)).hasSizeGreaterThan(5);
        assertThat(events.of(MonitorEvent.Recovered.class)).hasSizeGreaterThan(5);
    }

    /** Two thousand samples whose precision and recall wander within 0.04 of the 0.6 threshold. */
    private static void hover(ModelMonitor monitor, Random random) {
        for (int i = 0; i < 2000; i++) {
            double v = 0.6 + (random.nextDouble() * 2 - 1) * 0.04;
            monitor.observe(MODEL, PerformanceMetrics.of(v, v));
        }
    }

    private ModelMonitor monitor(MonitorPolicy policy) {
        EventBus bus = EventBus.builder().executor(Runnable::run).build();
        bus.subscribe(events);
        return ModelMonitor.builder().bus(bus).clock(MutableClock.atEpochOfTests()).defaultPolicy(policy).build();
    }

    private static void observe(ModelMonitor monitor, int times, PerformanceMetrics metrics) {
        for (int i = 0; i < times; i++) {
            monitor.observe(MODEL, metrics);
        }
    }
}
