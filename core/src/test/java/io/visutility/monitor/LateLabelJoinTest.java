package io.visutility.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.visutility.bus.EventBus;
import io.visutility.metrics.ConfusionCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks how predictions meet late labels: order independence, expiry, duplicates, early labels and caps. */
class LateLabelJoinTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final double[] NO_FEATURES = {};

    private static ModelMonitor monitor(LabelPolicy labels, StreakDetector detector) {
        MonitorPolicy policy = MonitorPolicy.defaults().withLabels(labels)
                .withDetectors(List.of(new DetectorFactory("streak", () -> detector)));
        return ModelMonitor.builder().bus(EventBus.builder().executor(Runnable::run).build()).defaultPolicy(policy)
                .build();
    }

    private record Arrival(Instant time, boolean isLabel, int index) {
    }

    /** Replays predictions and their labels merged by time; {@code latency} gives each label's delay in ms. */
    private static ModelMonitor replay(double[] scores, int[] labels, long[] latency, StreakDetector detector) {
        ModelMonitor monitor = monitor(LabelPolicy.defaults().withHorizon(Duration.ofSeconds(10)).withWindow(500, 100),
                detector);
        List<Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            Instant predicted = T0.plusMillis(i);
            arrivals.add(new Arrival(predicted, false, i));
            arrivals.add(new Arrival(predicted.plusMillis(latency[i]), true, i));
        }
        // Stable: at equal times a prediction keeps its place before a label that came after it.
        arrivals.sort(Comparator.comparing(Arrival::time));
        for (Arrival a : arrivals) {
            if (a.isLabel()) {
                monitor.observeLabel("churn", "p" + a.index(), labels[a.index()], a.time());
            } else {
                monitor.observePrediction("churn", "p" + a.index(), NO_FEATURES, scores[a.index()], null, a.time());
            }
        }
        return monitor;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2026, 90210})
    void labelsShuffledWithinTheHorizonGiveTheSameWindowAndErrorStreamAsLabelsInOrder(long seed) {
        Random r = new Random(seed);
        int n = 3_000;
        double[] scores = new double[n];
        int[] labels = new int[n];
        long[] inOrder = new long[n];
        long[] shuffled = new long[n];
        for (int i = 0; i < n; i++) {
            scores[i] = r.nextDouble();
            labels[i] = r.nextDouble() < 0.2 + 0.6 * scores[i] ? 1 : 0;
            inOrder[i] = 100;
            // Up to just under the 10 s horizon: labels overtake each other by thousands of predictions.
            shuffled[i] = r.nextInt(9_999);
        }
        StreakDetector ordered = new StreakDetector(3, 6);
        StreakDetector random = new StreakDetector(3, 6);

        LabelStats a = replay(scores, labels, inOrder, ordered).labelStats("churn").orElseThrow();
        LabelStats b = replay(scores, labels, shuffled, random).labelStats("churn").orElseThrow();

        int[] lastLabels = new int[500];
        double[] lastScores = new double[500];
        System.arraycopy(labels, n - 500, lastLabels, 0, 500);
        System.arraycopy(scores, n - 500, lastScores, 0, 500);
        ConfusionCounts expected = ConfusionCounts.of(lastScores, lastLabels, 0.5);
        assertThat(a.window()).isEqualTo(expected);
        assertThat(b.window()).isEqualTo(expected);
        assertThat(b.f1()).isEqualTo(a.f1());
        assertThat(b.accuracy()).isEqualTo(a.accuracy());
        assertThat(List.of(a.joined(), a.expired(), (long) a.pending(), a.duplicateLabels())).containsExactly((long) n, 0L, 0L, 0L);
        assertThat(List.of(b.joined(), b.expired(), (long) b.pending(), b.duplicateLabels())).containsExactly((long) n, 0L, 0L, 0L);
        assertThat(random.read).as("the detectors read the errors in prediction order").isEqualTo(ordered.read)
                .hasSize(n);
        assertThat(a.latencyP50()).isEqualTo(Duration.ofMillis(100));
        assertThat(b.latencyP99()).isGreaterThan(Duration.ofMillis(9_000)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anUnlabelledPredictionExpiresAfterTheHorizonAndReleasesTheLabelledOnesBehindIt() {
        StreakDetector detector = new StreakDetector(100, 200);
        ModelMonitor monitor = monitor(LabelPolicy.defaults().withHorizon(Duration.ofMinutes(1)).withWindow(10, 1),
                detector);
        monitor.observePrediction("churn", "never", NO_FEATURES, 0.9, null, T0);
        monitor.observePrediction("churn", "known", NO_FEATURES, 0.9, 1, T0.plusSeconds(1));

        LabelStats held = monitor.labelStats("churn").orElseThrow();
        assertThat(held.pending()).isEqualTo(2);
        assertThat(held.window().total()).as("held back behind the older prediction").isZero();

        monitor.observePrediction("churn", "later", NO_FEATURES, 0.1, null, T0.plusSeconds(60));

        LabelStats after = monitor.labelStats("churn").orElseThrow();
        assertThat(after.expired()).isEqualTo(1);
        assertThat(after.joined()).isEqualTo(1);
        assertThat(after.window()).isEqualTo(new ConfusionCounts(1, 0, 0, 0));
        assertThat(after.pending()).isEqualTo(1);
        assertThat(detector.read).containsExactly(0.0);
    }

    @Test
    void aSecondLabelIsADuplicateAndIgnored() {
        ModelMonitor monitor = monitor(LabelPolicy.defaults().withWindow(10, 1), new StreakDetector(100, 200));
        monitor.observePrediction("churn", "a", NO_FEATURES, 0.8, null, T0);
        monitor.observeLabel("churn", "a", 1, T0.plusSeconds(5));
        monitor.observeLabel("churn", "a", 0, T0.plusSeconds(6));
        monitor.observePrediction("churn", "b", NO_FEATURES, 0.8, 0, T0.plusSeconds(7));
        monitor.observeLabel("churn", "b", 1, T0.plusSeconds(8));
        monitor.observePrediction("churn", "b", NO_FEATURES, 0.1, null, T0.plusSeconds(9));

        LabelStats stats = monitor.labelStats("churn").orElseThrow();
        assertThat(stats.duplicateLabels()).isEqualTo(2);
        assertThat(stats.duplicatePredictions()).isEqualTo(1);
        assertThat(stats.joined()).isEqualTo(2);
        assertThat(stats.window()).as("the first label of each counts").isEqualTo(new ConfusionCounts(1, 1, 0, 0));
        assertThat(stats.latencyMean()).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void aLabelBeforeItsPredictionWaitsForIt() {
        ModelMonitor monitor = monitor(LabelPolicy.defaults().withHorizon(Duration.ofMinutes(1)).withWindow(10, 1),
                new StreakDetector(100, 200));
        monitor.observeLabel("churn", "early", 0, T0);
        assertThat(monitor.labelStats("churn").orElseThrow().earlyLabels()).isEqualTo(1);

        monitor.observePrediction("churn", "early", NO_FEATURES, 0.7, null, T0.plusSeconds(2));
        monitor.observeLabel("churn", "orphan", 1, T0.plusSeconds(3));
        monitor.observePrediction("churn", "tick", NO_FEATURES, 0.2, 0, T0.plusSeconds(64));

        LabelStats stats = monitor.labelStats("churn").orElseThrow();
        assertThat(stats.window()).isEqualTo(new ConfusionCounts(0, 1, 1, 0));
        assertThat(stats.latencyP99()).as("a label that came first has no delay").isZero();
        assertThat(stats.unmatchedLabels()).as("orphan never met its prediction").isEqualTo(1);
        assertThat(stats.earlyLabels()).isZero();
    }

    @Test
    void theCapsDropTheOldestAndCountThem() {
        ModelMonitor monitor = monitor(LabelPolicy.defaults().withCaps(3, 2).withWindow(10, 1),
                new StreakDetector(100, 200));
        for (int i = 0; i < 5; i++) {
            monitor.observePrediction("churn", "p" + i, NO_FEATURES, 0.5, null, T0.plusMillis(i));
            monitor.observeLabel("churn", "q" + i, 1, T0.plusMillis(i));
        }
        monitor.observeLabel("churn", "p4", 1, T0.plusMillis(9));

        LabelStats stats = monitor.labelStats("churn").orElseThrow();
        assertThat(stats.dropped()).isEqualTo(2);
        assertThat(stats.pending()).isEqualTo(3);
        assertThat(stats.droppedLabels()).isEqualTo(3);
        assertThat(stats.earlyLabels()).isEqualTo(2);
        assertThat(stats.joined()).as("p4 waits behind p2 and p3").isZero();
    }
}
