package io.visutility.monitor;

import io.visutility.bus.EventBus;
import io.visutility.drift.Adwin;
import io.visutility.drift.DriftException;
import io.visutility.event.MonitorEvent;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A model's monitor state handed to another monitor carries on exactly as the original would have. */
class ModelMonitorSnapshotTest {
    private static final MonitorPolicy POLICY = MonitorPolicy.defaults().withWindow(20, 10)
            .withDetectors(List.of(DetectorFactory.of(Adwin::new)));

    private final MutableClock clock = MutableClock.atEpochOfTests();

    private Side side(MonitorPolicy policy) {
        Side side = new Side();
        side.monitor = ModelMonitor.builder().bus(EventBus.builder().executor(Runnable::run).build()).clock(clock)
                .defaultPolicy(policy).build();
        side.monitor.subscribe("recorder", side.events::add);
        return side;
    }

    private static final class Side {
        ModelMonitor monitor;
        final List<MonitorEvent> events = new CopyOnWriteArrayList<>();

        List<String> kinds() {
            return events.stream().filter(e -> !(e instanceof MonitorEvent.Metrics))
                    .map(e -> e.getClass().getSimpleName()).toList();
        }
    }

    /** Feeds {@code steps} seeded steps of metrics and labelled predictions whose quality falls halfway. */
    private void feed(ModelMonitor monitor, long seed, int from, int steps, int total) {
        Random random = new Random(seed + from);
        for (int i = from; i < from + steps; i++) {
            double quality = i < total / 2 ? 0.9 : 0.45;
            monitor.observe("m", PerformanceMetrics.of(quality, Math.min(1, quality + 0.05 * random.nextDouble())));
            for (int k = 0; k < 20; k++) {
                int label = random.nextInt(2);
                boolean right = random.nextDouble() < quality;
                double score = right == (label == 1) ? 0.8 : 0.2;
                String id = "p-" + i + "-" + k;
                monitor.observePrediction("m", id, new double[]{random.nextGaussian()}, score, label,
                        Instant.EPOCH.plusSeconds(i));
            }
        }
    }

    @ParameterizedTest(name = "handed over after {0} steps")
    @ValueSource(ints = {5, 40, 101, 160})
    void aRestoredMonitorCarriesOnLikeTheOriginal(int handoverAt) {
        long seed = 20261128L;
        int total = 200;
        Side original = side(POLICY);
        Side heir = side(POLICY);
        feed(original.monitor, seed, 0, handoverAt, total);

        heir.monitor.restore("m", original.monitor.snapshot("m").orElseThrow());
        String openAtHandover = original.monitor.status("m").orElseThrow().incidentId();
        int before = original.kinds().size();
        feed(original.monitor, seed, handoverAt, total - handoverAt, total);
        feed(heir.monitor, seed, handoverAt, total - handoverAt, total);

        List<String> after = original.kinds().subList(before, original.kinds().size());
        assertThat(heir.kinds()).isEqualTo(after);
        ModelStatus a = original.monitor.status("m").orElseThrow();
        ModelStatus b = heir.monitor.status("m").orElseThrow();
        assertThat(b.health()).isEqualTo(a.health());
        assertThat(b.observed()).isEqualTo(a.observed());
        // An incident opened before the handover keeps its id; one opened after gets a fresh id on each side.
        assertThat(b.incidentId() == null).isEqualTo(a.incidentId() == null);
        if (openAtHandover != null && openAtHandover.equals(a.incidentId())) {
            assertThat(b.incidentId()).isEqualTo(openAtHandover);
        }
        // Running sums are recomputed on a different beat after a restore: equal up to rounding.
        assertThat(b.window().samples()).isEqualTo(a.window().samples());
        assertThat(b.window().precision()).isCloseTo(a.window().precision(), within(1e-12));
        assertThat(b.window().recall()).isCloseTo(a.window().recall(), within(1e-12));
        assertThat(b.window().f1()).isCloseTo(a.window().f1(), within(1e-12));
        LabelStats la = original.monitor.labelStats("m").orElseThrow();
        LabelStats lb = heir.monitor.labelStats("m").orElseThrow();
        assertThat(lb.joined()).isEqualTo(la.joined());
        assertThat(lb.window()).isEqualTo(la.window());
    }

    @Test
    void theWholeRunRaisesAnIncidentSoTheHandoverIsTested() {
        Side original = side(POLICY);

        feed(original.monitor, 20261128L, 0, 200, 200);

        assertThat(original.kinds()).contains("DriftDetected");
    }

    @Test
    void aSnapshotFromAnotherPolicyIsRefusedAndChangesNothing() {
        Side original = side(POLICY);
        Side other = side(POLICY.withWindow(30, 10));
        feed(original.monitor, 1, 0, 30, 200);
        feed(other.monitor, 2, 0, 3, 200);
        ModelStatus before = other.monitor.status("m").orElseThrow();

        assertThatThrownBy(() -> other.monitor.restore("m", original.monitor.snapshot("m").orElseThrow()))
                .isInstanceOf(MonitorException.class).hasMessageContaining("windows 20/");
        assertThat(other.monitor.status("m").orElseThrow()).isEqualTo(before);
    }

    @Test
    void bytesThatAreNoSnapshotAreRefused() {
        Side side = side(POLICY);

        assertThatThrownBy(() -> side.monitor.restore("m", new byte[]{1, 2, 3, 4, 5}))
                .isInstanceOf(DriftException.class);
        assertThat(side.monitor.snapshot("never-seen")).isEmpty();
    }
}
