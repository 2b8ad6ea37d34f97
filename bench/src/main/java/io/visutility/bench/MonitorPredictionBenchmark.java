package io.visutility.bench;

import io.visutility.bus.EventBus;
import io.visutility.drift.Ddm;
import io.visutility.monitor.DetectorFactory;
import io.visutility.monitor.LabelPolicy;
import io.visutility.monitor.LabelStats;
import io.visutility.monitor.ModelMonitor;
import io.visutility.monitor.MonitorPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link ModelMonitor#observePrediction} and {@link ModelMonitor#observeLabel} over eight
 * models, each with a DDM detector on its error stream: predictions that carry their label, and
 * predictions whose label follows in a separate call. Scores are events/s (a prediction and a label are
 * two events). Ids are unique within the label horizon; a shared clock advances one microsecond per
 * prediction.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MonitorPredictionBenchmark {
    static final int MODELS = 8;
    static final int RING = 1 << 16;

    /** The monitor shared by every producer thread, and the precomputed traffic. */
    @State(Scope.Benchmark)
    public static class Monitor {
        final String[] models = new String[MODELS];
        final double[] scores = new double[RING];
        final int[] labels = new int[RING];
        final AtomicInteger producers = new AtomicInteger();
        final AtomicInteger warnings = new AtomicInteger();
        // One clock for every producer, as a serving system has: per-thread clocks drift apart and the
        // slower thread's predictions would expire behind the faster one's times.
        final AtomicLong micros = new AtomicLong();
        final double[] row = {0.3, 1.7, -2.0, 5.5};
        EventBus bus;
        ModelMonitor monitor;

        /** Eight models, one DDM each, labels within 10 ms; about 10 % of predictions are wrong, steadily. */
        @Setup(Level.Trial)
        public void start() {
            Random r = new Random(2026);
            for (int i = 0; i < MODELS; i++) {
                models[i] = "model-" + i;
            }
            for (int i = 0; i < RING; i++) {
                labels[i] = r.nextBoolean() ? 1 : 0;
                boolean right = r.nextDouble() >= 0.1;
                scores[i] = (labels[i] == 1) == right ? 0.5 + r.nextDouble() / 2 : r.nextDouble() * 0.49;
            }
            MonitorPolicy policy = MonitorPolicy.defaults()
                    .withLabels(LabelPolicy.defaults().withHorizon(Duration.ofMillis(10)))
                    .withDetectors(List.of(new DetectorFactory("ddm", Ddm::new)));
            bus = EventBus.builder().executor(Runnable::run).build();
            monitor = ModelMonitor.builder().bus(bus).defaultPolicy(policy).build();
            monitor.subscribe("count", e -> warnings.incrementAndGet());
        }

        /** Prints what the join saw per model, so a run that expired or dropped its traffic shows it. */
        @TearDown(Level.Trial)
        public void stop() {
            for (String model : models) {
                LabelStats s = monitor.labelStats(model).orElseThrow();
                System.out.printf("%n%s: predictions %d, joined %d, expired %d, dropped %d, duplicates %d, f1 %.3f",
                        model, s.predictions(), s.joined(), s.expired(), s.dropped(), s.duplicateLabels(), s.f1());
            }
            System.out.printf("%nevents published: %d%n", warnings.get());
            bus.close();
        }
    }

    /** One producer's ids, clock and place in the round-robin over the models. */
    @State(Scope.Thread)
    public static class Producer {
        final String[] ids = new String[RING];
        final Instant start = Instant.parse("2026-03-01T00:00:00Z");
        int next;
        int model;

        /** Ids of this producer only, so two producers never share a prediction. */
        @Setup(Level.Trial)
        public void start(Monitor m) {
            int me = m.producers.getAndIncrement();
            for (int i = 0; i < RING; i++) {
                ids[i] = "p" + me + "-" + i;
            }
            model = me * (MODELS / 2);
        }
    }

    private static void joined(Monitor m, Producer p) {
        int i = p.next;
        p.next = (i + 1) & (RING - 1);
        p.model = (p.model + 1) & (MODELS - 1);
        Instant t = p.start.plusNanos(m.micros.incrementAndGet() * 1_000);
        m.monitor.observePrediction(m.models[p.model], p.ids[i], m.row, m.scores[i], m.labels[i], t);
    }

    private static void labelledLater(Monitor m, Producer p) {
        int i = p.next;
        p.next = (i + 1) & (RING - 1);
        p.model = (p.model + 1) & (MODELS - 1);
        Instant t = p.start.plusNanos(m.micros.incrementAndGet() * 1_000);
        String model = m.models[p.model];
        m.monitor.observePrediction(model, p.ids[i], m.row, m.scores[i], null, t);
        m.monitor.observeLabel(model, p.ids[i], m.labels[i], t.plusNanos(500_000));
    }

    /** Predictions with their label, one producer. */
    @Benchmark
    @Threads(1)
    public void joinedOneThread(Monitor m, Producer p) {
        joined(m, p);
    }

    /** Predictions with their label, two producers. */
    @Benchmark
    @Threads(2)
    public void joinedTwoThreads(Monitor m, Producer p) {
        joined(m, p);
    }

    /** A prediction, then its label half a millisecond later in its own call; one producer. */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(2)
    public void labelLaterOneThread(Monitor m, Producer p) {
        labelledLater(m, p);
    }

    /** A prediction, then its label in its own call; two producers. */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(2)
    public void labelLaterTwoThreads(Monitor m, Producer p) {
        labelledLater(m, p);
    }
}
