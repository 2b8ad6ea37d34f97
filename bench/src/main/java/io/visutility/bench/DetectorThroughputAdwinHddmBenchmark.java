package io.visutility.bench;

import io.visutility.drift.Adwin;
import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftState;
import io.visutility.drift.HddmA;
import io.visutility.drift.HddmW;
import io.visutility.drift.Kswin;
import io.visutility.drift.stream.BernoulliStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import moa.classifiers.core.driftdetection.ADWINChangeDetector;
import moa.classifiers.core.driftdetection.ChangeDetector;
import moa.classifiers.core.driftdetection.HDDM_A_Test;
import moa.classifiers.core.driftdetection.HDDM_W_Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Updates per second of our ADWIN, HDDM_A, HDDM_W and KSWIN against MOA's ADWIN, HDDM_A and HDDM_W, all
 * with MOA's defaults, on the same pre-generated error stream (0.2 rising to 0.4 halfway through 20,000
 * values, fed over and over). Each trial of an "ours" benchmark also prints both sides' drift indices on
 * one pass of the stream and the memory of one detector's state (see {@link DetectorFootprint}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectorThroughputAdwinHddmBenchmark {
    static final int LENGTH = 20_000;

    /** One detector of each side fed the same stream; the detector is chosen by {@code detector}. */
    @State(Scope.Thread)
    public static class Detectors {
        @Param({"adwin", "hddm-a", "hddm-w"})
        public String detector;

        double[] values;
        DriftDetector ours;
        ChangeDetector moa;

        /** Generates the stream, builds both detectors and, once per detector, prints indices and memory. */
        @Setup(Level.Trial)
        public void start(BenchmarkParams params) {
            build();
            Supplier<ChangeDetector> peer = moa(detector);
            if (params.getBenchmark().endsWith("ours")) {
                System.out.println();
                System.out.println(detector + " drift indices, ours: " + driftIndices(ours(detector).get(), values));
                System.out.println(detector + " drift indices, MOA:  " + driftIndices(peer.get(), values));
                System.out.println(DetectorFootprint.describe(detector, ours(detector), peer, values));
            }
        }

        void build() {
            values = stream();
            ours = ours(detector).get();
            moa = moa(detector).get();
            moa.prepareForUse();
        }
    }

    /** Our KSWIN, which has no MOA counterpart, on the same stream. */
    @State(Scope.Thread)
    public static class KswinDetector {
        double[] values;
        DriftDetector ours;

        /** Generates the stream and builds the detector; prints its indices and memory once. */
        @Setup(Level.Trial)
        public void start() {
            values = stream();
            ours = new Kswin();
            System.out.println();
            System.out.println("kswin drift indices, ours: " + driftIndices(new Kswin(), values));
            System.out.println(DetectorFootprint.describe("kswin", Kswin::new, null, values));
        }
    }

    static double[] stream() {
        return BernoulliStream.abrupt(0.2, 0.4, LENGTH / 2, 20_260_001L).take(LENGTH);
    }

    static Supplier<DriftDetector> ours(String detector) {
        return switch (detector) {
            case "adwin" -> Adwin::new;
            case "hddm-a" -> HddmA::new;
            case "hddm-w" -> HddmW::new;
            case "kswin" -> Kswin::new;
            default -> throw new IllegalArgumentException("no detector " + detector);
        };
    }

    /** MOA's detector of that name; MOA 2024.07 has no KSWIN. */
    static Supplier<ChangeDetector> moa(String detector) {
        return switch (detector) {
            case "adwin" -> ADWINChangeDetector::new;
            case "hddm-a" -> HDDM_A_Test::new;
            case "hddm-w" -> HDDM_W_Test::new;
            default -> throw new IllegalArgumentException("MOA has no detector " + detector);
        };
    }

    static List<Integer> driftIndices(DriftDetector d, double[] values) {
        List<Integer> drifts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (d.update(values[i]) == DriftState.DRIFT) {
                drifts.add(i);
            }
        }
        return drifts;
    }

    static List<Integer> driftIndices(ChangeDetector d, double[] values) {
        d.prepareForUse();
        List<Integer> drifts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            d.input(values[i]);
            if (d.getChange()) {
                drifts.add(i);
            }
        }
        return drifts;
    }

    /** Our detector reads the whole stream once; the score is per value. */
    @Benchmark
    @OperationsPerInvocation(LENGTH)
    public int ours(Detectors s) {
        int drifts = 0;
        DriftDetector d = s.ours;
        for (double v : s.values) {
            if (d.update(v) == DriftState.DRIFT) {
                drifts++;
            }
        }
        return drifts;
    }

    /** MOA's detector reads the whole stream once; the score is per value. */
    @Benchmark
    @OperationsPerInvocation(LENGTH)
    public int moa(Detectors s) {
        ChangeDetector d = s.moa;
        int drifts = 0;
        for (double v : s.values) {
            d.input(v);
            if (d.getChange()) {
                drifts++;
            }
        }
        return drifts;
    }

    /** Our KSWIN reads the whole stream once; the score is per value. */
    @Benchmark
    @OperationsPerInvocation(LENGTH)
    public int kswinOurs(KswinDetector s) {
        int drifts = 0;
        DriftDetector d = s.ours;
        for (double v : s.values) {
            if (d.update(v) == DriftState.DRIFT) {
                drifts++;
            }
        }
        return drifts;
    }
}
