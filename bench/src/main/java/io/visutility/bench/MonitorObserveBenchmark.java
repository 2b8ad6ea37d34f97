package io.visutility.bench;

import io.visutility.bus.EventBus;
import io.visutility.bus.Subscription;
import io.visutility.metrics.PerformanceMetrics;
import io.visutility.monitor.ModelMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link ModelMonitor#observe} with four trivial subscribers on the bus; compare with
 * {@link ArrayBlockingQueueHandoffBenchmark} from the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MonitorObserveBenchmark {
    static final int SUBSCRIBERS = 4;
    static final int CAPACITY = 1024;
    static final int MODELS = 64;
    static final String ONE_MODEL = "model-00";

    /** The monitor, its bus and subscribers, shared by every producer thread. */
    @State(Scope.Benchmark)
    public static class Bus {
        // Well above the default thresholds (0.6), so no drift ever fires and only samples flow.
        final PerformanceMetrics healthy = PerformanceMetrics.of(0.91, 0.87);
        final String[] models = new String[MODELS];
        final AtomicInteger producers = new AtomicInteger();
        final List<Subscription> subscriptions = new ArrayList<>();
        ExecutorService delivery;
        EventBus bus;
        ModelMonitor monitor;
        Tally tally;

        /** Starts one delivery thread per subscriber and subscribes the four sinks. */
        @Setup(Level.Trial)
        public void start() {
            for (int i = 0; i < MODELS; i++) {
                models[i] = String.format("model-%02d", i);
            }
            delivery = Executors.newFixedThreadPool(SUBSCRIBERS, new DaemonThreads("bench-bus"));
            bus = EventBus.builder().executor(delivery).capacity(CAPACITY).build();
            monitor = ModelMonitor.builder().bus(bus).build();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                Sink sink = new Sink();
                subscriptions.add(monitor.subscribe("sink-" + i, sink::consume));
            }
            tally = new Tally(
                    () -> subscriptions.stream().mapToLong(Subscription::dropped).sum(),
                    () -> subscriptions.stream().mapToLong(Subscription::delivered).sum());
        }

        /** Prints what each subscriber got and lost, then closes the bus and its threads. */
        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            for (Subscription s : subscriptions) {
                System.out.printf("%n%s: delivered %d, dropped %d, pending %d, failures %d",
                        s.name(), s.delivered(), s.dropped(), s.pending(), s.failures());
            }
            System.out.println();
            bus.close();
            delivery.shutdownNow();
            if (!delivery.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("bus delivery threads did not stop");
            }
        }
    }

    /** One producer's place in the round-robin over the model names. */
    @State(Scope.Thread)
    public static class Cursor {
        String[] models;
        int next;

        /** Starts each producer at another model so two threads rarely hit the same lock together. */
        @Setup(Level.Trial)
        public void start(Bus bus) {
            models = bus.models;
            next = bus.producers.getAndIncrement() * (MODELS / 2) % MODELS;
        }

        String nextModel() {
            String model = models[next];
            next = (next + 1) & (MODELS - 1);
            return model;
        }
    }

    /** Drops and deliveries of the iteration, reported by JMH as rates beside the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Metric samples the bus dropped, summed over the four subscribers. */
        public long dropped;
        /** Events handed to the four subscribers, summed. */
        public long delivered;

        /** Forgets the previous iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            dropped = 0;
            delivered = 0;
        }

        /** Claims this thread's share of what happened during the iteration. */
        @TearDown(Level.Iteration)
        public void collect(Bus bus) {
            Tally.Claim claim = bus.tally.claim();
            dropped = claim.dropped();
            delivered = claim.delivered();
        }
    }

    /** One hot model, one producer. */
    @Benchmark
    @Threads(1)
    public void oneModelOneThread(Bus bus, Counters counters) {
        bus.monitor.observe(ONE_MODEL, bus.healthy);
    }

    /** One hot model, two producers contending on its window. */
    @Benchmark
    @Threads(2)
    public void oneModelTwoThreads(Bus bus, Counters counters) {
        bus.monitor.observe(ONE_MODEL, bus.healthy);
    }

    /** 64 models round-robin, one producer. */
    @Benchmark
    @Threads(1)
    public void models64OneThread(Bus bus, Cursor cursor, Counters counters) {
        bus.monitor.observe(cursor.nextModel(), bus.healthy);
    }

    /** 64 models round-robin, two producers. */
    @Benchmark
    @Threads(2)
    public void models64TwoThreads(Bus bus, Cursor cursor, Counters counters) {
        bus.monitor.observe(cursor.nextModel(), bus.healthy);
    }
}
