package io.visutility.bench;

import io.visutility.metrics.PerformanceMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * Baseline for {@link MonitorObserveBenchmark}: the bare fan-out of one metrics object into four bounded
 * queues, each drained by its own thread, with a failed offer counted as a drop like the bus does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ArrayBlockingQueueHandoffBenchmark {

    /** The four queues, their consumer threads and counters, shared by every producer thread. */
    @State(Scope.Benchmark)
    public static class Queues {
        final PerformanceMetrics healthy = PerformanceMetrics.of(0.91, 0.87);
        final List<Lane> lanes = new ArrayList<>();
        Tally tally;

        /** Starts one consumer thread per queue. */
        @Setup(Level.Trial)
        public void start() {
            DaemonThreads threads = new DaemonThreads("bench-abq");
            for (int i = 0; i < MonitorObserveBenchmark.SUBSCRIBERS; i++) {
                Lane lane = new Lane("queue-" + i, MonitorObserveBenchmark.CAPACITY);
                lane.thread = threads.newThread(lane::drain);
                lane.thread.start();
                lanes.add(lane);
            }
            tally = new Tally(
                    () -> lanes.stream().mapToLong(l -> l.dropped.sum()).sum(),
                    () -> lanes.stream().mapToLong(l -> l.delivered.sum()).sum());
        }

        /** Prints what each consumer got and lost, then stops the consumers. */
        @TearDown(Level.Trial)
        public void stop() throws InterruptedException {
            for (Lane lane : lanes) {
                System.out.printf("%n%s: delivered %d, dropped %d, pending %d",
                        lane.name, lane.delivered.sum(), lane.dropped.sum(), lane.queue.size());
            }
            System.out.println();
            for (Lane lane : lanes) {
                lane.thread.interrupt();
            }
            for (Lane lane : lanes) {
                lane.thread.join(TimeUnit.SECONDS.toMillis(10));
                if (lane.thread.isAlive()) {
                    throw new IllegalStateException(lane.name + " consumer did not stop");
                }
            }
        }

        void publish(Object value) {
            for (Lane lane : lanes) {
                lane.offer(value);
            }
        }
    }

    /** One bounded queue and the thread that drains it. */
    static final class Lane {
        final String name;
        final ArrayBlockingQueue<Object> queue;
        final LongAdder delivered = new LongAdder();
        final LongAdder dropped = new LongAdder();
        final Sink sink = new Sink();
        Thread thread;

        Lane(String name, int capacity) {
            this.name = name;
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        void offer(Object value) {
            if (!queue.offer(value)) {
                dropped.increment();
            }
        }

        void drain() {
            try {
                while (true) {
                    sink.consume(queue.take());
                    delivered.increment();
                }
            } catch (InterruptedException e) {
                // Asked to stop; queued items are discarded like a closed subscription's.
            }
        }
    }

    /** Drops and deliveries of the iteration, reported by JMH as rates beside the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        /** Offers refused by a full queue, summed over the four queues. */
        public long dropped;
        /** Items taken by the four consumers, summed. */
        public long delivered;

        /** Forgets the previous iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            dropped = 0;
            delivered = 0;
        }

        /** Claims this thread's share of what happened during the iteration. */
        @TearDown(Level.Iteration)
        public void collect(Queues queues) {
            Tally.Claim claim = queues.tally.claim();
            dropped = claim.dropped();
            delivered = claim.delivered();
        }
    }

    /** One producer. */
    @Benchmark
    @Threads(1)
    public void offerOneThread(Queues queues, Counters counters) {
        queues.publish(queues.healthy);
    }

    /** Two producers. */
    @Benchmark
    @Threads(2)
    public void offerTwoThreads(Queues queues, Counters counters) {
        queues.publish(queues.healthy);
    }
}
