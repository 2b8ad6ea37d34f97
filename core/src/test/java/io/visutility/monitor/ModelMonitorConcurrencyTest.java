package io.visutility.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.bus.EventBus;
import io.visutility.contract.Concurrently;
import io.visutility.event.MonitorEvent;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.testing.MutableClock;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** Checks that the monitor loses no sample and keeps each model's alarms consistent under concurrent callers. */
class ModelMonitorConcurrencyTest {

    @Test
    void fourThreadsOnEightModelsLoseNothing() {
        Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        EventBus bus = EventBus.builder().executor(Runnable::run).capacity(100_000).build();
        ModelMonitor monitor = ModelMonitor.builder().bus(bus).clock(MutableClock.atEpochOfTests())
                .defaultPolicy(MonitorPolicy.defaults().withWindow(10, 5)).build();
        monitor.subscribe("counter", event -> counts
                .computeIfAbsent(key(event), k -> new LongAdder()).increment());

        Concurrently.run(4, thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < 10_000; i++) {
                double p = 0.3 + random.nextDouble() * 0.7;
                monitor.observe("model-" + (i % 8), PerformanceMetrics.of(p, p));
            }
            return null;
        });

        assertThat(monitor.models()).hasSize(8);
        long observed = 0;
        for (String model : monitor.models()) {
            ModelStatus status = monitor.status(model).orElseThrow();
            assertThat(status.observed()).as(model).isEqualTo(5_000);
            observed += status.observed();
            long alarms = count(counts, "DriftDetected/" + model);
            long recoveries = count(counts, "Recovered/" + model);
            // Alarms and recoveries alternate, so the final state tells how many of each there can be.
            long open = status.health() == ModelHealth.DEGRADED ? 1 : 0;
            assertThat(alarms - recoveries).as(model).isEqualTo(open);
        }
        assertThat(observed).isEqualTo(40_000);
        assertThat(counts.keySet().stream().filter(k -> k.startsWith("Metrics/"))
                .mapToLong(k -> counts.get(k).sum()).sum()).isEqualTo(40_000);
        assertThat(bus.subscriptions().get(0).dropped()).isZero();
    }

    @Test
    void fourThreadsPredictingAndLabellingTheSameModelsLoseNoPair() {
        ModelMonitor monitor = ModelMonitor.builder().bus(EventBus.builder().executor(Runnable::run).build())
                .clock(MutableClock.atEpochOfTests()).build();
        java.time.Instant t0 = java.time.Instant.parse("2026-03-01T00:00:00Z");

        // Each thread labels its own predictions, and some labels come before the prediction they belong to.
        Concurrently.run(4, thread -> {
            Random random = new Random(thread);
            for (int i = 0; i < 5_000; i++) {
                String model = "model-" + (i % 4);
                String id = thread + "-" + i;
                int label = random.nextInt(2);
                if (i % 3 == 0) {
                    monitor.observeLabel(model, id, label, t0.plusMillis(i));
                    monitor.observePrediction(model, id, new double[] {i}, random.nextDouble(), null, t0.plusMillis(i));
                } else {
                    monitor.observePrediction(model, id, new double[] {i}, random.nextDouble(), null, t0.plusMillis(i));
                    monitor.observeLabel(model, id, label, t0.plusMillis(i + 1));
                }
            }
            return null;
        });

        long joined = 0;
        for (String model : monitor.models()) {
            LabelStats stats = monitor.labelStats(model).orElseThrow();
            assertThat(stats.predictions()).as(model).isEqualTo(5_000);
            assertThat(stats.pending() + stats.expired() + stats.dropped()).as(model).isZero();
            joined += stats.joined();
        }
        assertThat(joined).isEqualTo(20_000);
    }

    private static String key(MonitorEvent event) {
        return event.getClass().getSimpleName() + "/" + event.model();
    }

    private static long count(Map<String, LongAdder> counts, String key) {
        LongAdder adder = counts.get(key);
        return adder == null ? 0 : adder.sum();
    }
}
