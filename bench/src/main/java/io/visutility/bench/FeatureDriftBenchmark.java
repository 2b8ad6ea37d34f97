package io.visutility.bench;

import io.visutility.drift.FeatureDriftMonitor;
import io.visutility.drift.FeatureDriftReport;
import io.visutility.drift.FeatureDriftTest;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second through {@link FeatureDriftMonitor#add} with 50 normal features, after the reference
 * (10,000 rows) is built: each call copies a row into the window and every {@code windowSize}-th call
 * tests all 50 features and adjusts their p-values, so the score is the amortised cost of both.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class FeatureDriftBenchmark {
    static final int FEATURES = 50;
    /** Rows drawn before the run and then cycled, so the random generator is not what is measured. */
    static final int POOL = 1 << 16;

    /** The test of every feature: ks, psi or wasserstein. */
    @Param({"ks", "psi", "wasserstein"})
    public String test;

    /** Rows per tested window. */
    @Param({"1000"})
    public int windowSize;

    private final double[][] rows = new double[POOL][FEATURES];
    private FeatureDriftMonitor monitor;
    private int next;

    /** Draws the row pool and feeds the reference, so every measured call is past it. */
    @Setup(Level.Trial)
    public void start() {
        SplittableRandom random = new SplittableRandom(42);
        for (double[] row : rows) {
            for (int f = 0; f < FEATURES; f++) {
                row[f] = random.nextGaussian();
            }
        }
        List<String> names = IntStream.range(0, FEATURES).mapToObj(i -> "f" + i).toList();
        monitor = FeatureDriftMonitor.builder(names).defaultTest(test(test))
                .referenceSize(10_000).windowSize(windowSize).build();
        for (int i = 0; i < 10_000; i++) {
            monitor.add(nextRow());
        }
    }

    /** One row in; the report when it completes a window (returned so JMH keeps the work). */
    @Benchmark
    public FeatureDriftReport add() {
        return monitor.add(nextRow());
    }

    private double[] nextRow() {
        double[] row = rows[next];
        next = (next + 1) & (POOL - 1);
        return row;
    }

    private static FeatureDriftTest test(String name) {
        return switch (name) {
            case "ks" -> FeatureDriftTest.kolmogorovSmirnov();
            case "psi" -> FeatureDriftTest.psi();
            case "wasserstein" -> FeatureDriftTest.wasserstein();
            default -> throw new IllegalArgumentException("test must be ks, psi or wasserstein, was " + name);
        };
    }
}
