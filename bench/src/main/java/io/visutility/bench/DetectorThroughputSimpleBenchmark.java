package io.visutility.bench;

import io.visutility.bench.drift.RoughSize;
import io.visutility.bench.drift.SimpleDetectorPeers;
import io.visutility.bench.drift.SimpleDetectorPeers.Detections;
import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftState;
import io.visutility.drift.stream.BernoulliStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import moa.classifiers.core.driftdetection.ChangeDetector;
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

/**
 * Updates per second of our DDM, EDDM, Page-Hinkley and CUSUM against MOA 2024.07.0's, both with MOA's
 * defaults, on the same pre-generated error stream (0.2 rising abruptly to 0.4 at 10,000 of 20,000 values).
 * One operation is one value; an invocation reads the whole stream and the detector carries on across
 * invocations, so drifts keep firing and resetting as in a long-running monitor.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DetectorThroughputSimpleBenchmark {
    static final int LENGTH = 20_000;
    static final long SEED = 20_240_7L;

    /** The stream and one detector of each side. */
    @State(Scope.Thread)
    public static class Pair {
        /** Which detector: ddm, eddm, page-hinkley or cusum. */
        @Param({"ddm", "eddm", "page-hinkley", "cusum"})
        public String detector;

        double[] values;
        DriftDetector ours;
        ChangeDetector moa;

        /** Generates the stream, builds both detectors and prints their detections and sizes once. */
        @Setup(Level.Trial)
        public void start() {
            values = BernoulliStream.abrupt(0.2, 0.4, LENGTH / 2, SEED).take(LENGTH);
            SimpleDetectorPeers peers = peers(detector);
            ours = peers.ours();
            moa = peers.moa();
            Detections o = peers.runOurs(values);
            Detections m = peers.runMoa(values);
            System.out.printf("%n%s drifts: ours %s, MOA %s; warnings: ours %d, MOA %d%n", detector,
                    head(o.drifts()), head(m.drifts()), o.warnings().size(), m.warnings().size());
            System.out.printf("%s state: snapshot %d bytes; retained ~%d bytes ours, ~%d bytes MOA%n", detector,
                    ours.snapshot().length, RoughSize.retained(ours), RoughSize.retained(moa));
        }
    }

    /** Our detector over the stream. */
    @Benchmark
    @OperationsPerInvocation(LENGTH)
    public int ours(Pair pair) {
        DriftDetector d = pair.ours;
        double[] values = pair.values;
        int drifts = 0;
        for (double v : values) {
            if (d.update(v) == DriftState.DRIFT) {
                drifts++;
            }
        }
        return drifts;
    }

    /** MOA's detector over the stream. */
    @Benchmark
    @OperationsPerInvocation(LENGTH)
    public int moa(Pair pair) {
        ChangeDetector d = pair.moa;
        double[] values = pair.values;
        int drifts = 0;
        for (double v : values) {
            d.input(v);
            if (d.getChange()) {
                drifts++;
            }
        }
        return drifts;
    }

    static SimpleDetectorPeers peers(String label) {
        for (SimpleDetectorPeers p : SimpleDetectorPeers.values()) {
            if (p.label().equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("detector must be one of ddm, eddm, page-hinkley, cusum, was " + label);
    }

    private static String head(List<Integer> indices) {
        return indices.size() <= 12 ? indices.toString()
                : indices.subList(0, 12) + " ... (" + indices.size() + " in all)";
    }
}
