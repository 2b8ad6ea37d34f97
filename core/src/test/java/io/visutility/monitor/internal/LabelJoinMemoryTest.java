package io.visutility.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.visutility.bus.EventBus;
import io.visutility.monitor.LabelPolicy;
import io.visutility.monitor.LabelStats;
import io.visutility.monitor.ModelMonitor;
import io.visutility.monitor.MonitorPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pins that the label join's memory stays bounded however many predictions never get a label. */
class LabelJoinMemoryTest {
    private static final int N = 10_000_000;
    // Ids come round again only long after their prediction left, as unique ids would; building ten
    // million strings would time the allocator, not the join.
    private static final String[] IDS = new String[1 << 13];

    static {
        for (int i = 0; i < IDS.length; i++) {
            IDS[i] = "id-" + i;
        }
    }

    @Test
    @Timeout(30)
    void tenMillionUnlabelledPredictionsNeverHoldMoreThanTheHorizonAllows() {
        // One prediction per microsecond with a 2 ms horizon: at most 2 000 can be within it.
        LabelJoin join = new LabelJoin(2_000, 50_000, 1_000);
        LabelJoin.Sink sink = (score, label, latency, tag) -> fail("nothing is labelled");
        int most = 0;
        for (int i = 0; i < N; i++) {
            join.prediction(IDS[i & (IDS.length - 1)], i, 0.5, -1, 0, sink);
            most = Math.max(most, join.tracked());
            if (join.pending() > 2_000) {
                fail("pending " + join.pending() + " after " + i);
            }
        }
        assertThat(most).isEqualTo(2_000);
        assertThat(join.expired + join.pending()).isEqualTo(N);
        assertThat(join.dropped).isZero();
    }

    @Test
    @Timeout(30)
    void throughTheMonitorTheCapBoundsWhatTheHorizonWouldNot() {
        MonitorPolicy policy = MonitorPolicy.defaults().withLabels(
                LabelPolicy.defaults().withHorizon(Duration.ofSeconds(1)).withCaps(5_000, 100));
        ModelMonitor monitor = ModelMonitor.builder().bus(EventBus.builder().executor(Runnable::run).build())
                .defaultPolicy(policy).build();
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        double[] row = {0.5};
        int n = N / 5;
        for (int i = 0; i < n; i++) {
            // 1 µs apart, a second's horizon would hold a million: the cap of 5 000 must bind.
            monitor.observePrediction("churn", IDS[i & (IDS.length - 1)], row, 0.5, null, t0.plusNanos(i * 1_000L));
            if (i % 1_000 == 0 && monitor.labelStats("churn").orElseThrow().pending() > 5_000) {
                fail("pending above the cap after " + i);
            }
        }
        LabelStats stats = monitor.labelStats("churn").orElseThrow();
        assertThat(stats.pending()).isEqualTo(5_000);
        assertThat(stats.dropped()).isEqualTo(n - 5_000);
        assertThat(stats.expired()).isZero();
        assertThat(stats.predictions()).isEqualTo(n);
    }
}
