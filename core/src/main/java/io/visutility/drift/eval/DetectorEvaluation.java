package io.visutility.drift.eval;

import io.visutility.drift.DriftDetector;
import io.visutility.drift.DriftException;
import io.visutility.drift.eval.internal.RunOutcome;
import io.visutility.drift.eval.internal.Scoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Runs named detectors over seeded runs of a stream and scores them. Every detector sees the same values in
 * a run (a fresh detector per run), so they are compared on equal terms. Runs may go to an executor; the
 * scores depend only on the detectors, the stream, the number of runs and the seed.
 */
public final class DetectorEvaluation {
    private final Map<String, Supplier<DriftDetector>> detectors;
    private final Executor executor;

    private DetectorEvaluation(Map<String, Supplier<DriftDetector>> detectors, Executor executor) {
        this.detectors = detectors;
        this.executor = executor;
    }

    /**
     * An evaluation of {@code detectors} (name to a factory of fresh detectors, reported in the map's
     * order) whose runs execute on {@code executor}.
     */
    public static DetectorEvaluation of(Map<String, Supplier<DriftDetector>> detectors, Executor executor) {
        if (detectors == null || detectors.isEmpty()) {
            throw new DriftException("detectors must not be empty, was " + detectors);
        }
        if (executor == null) {
            throw new DriftException("executor must not be null");
        }
        return new DetectorEvaluation(new LinkedHashMap<>(detectors), executor);
    }

    /** Scores every detector on {@code runs} runs of {@code stream}; run i reads the values of seed {@code runSeed(seed, i)}. */
    public List<DetectorScore> evaluate(StreamSpec stream, int runs, long seed) {
        if (runs < 1) {
            throw new DriftException("runs must be >= 1, was " + runs);
        }
        List<String> names = List.copyOf(detectors.keySet());
        List<CompletableFuture<RunOutcome[]>> futures = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            long runSeed = runSeed(seed, i);
            futures.add(CompletableFuture.supplyAsync(() -> run(stream, names, runSeed), executor));
        }
        RunOutcome[][] outcomes = new RunOutcome[runs][];
        for (int i = 0; i < runs; i++) {
            outcomes[i] = futures.get(i).join();
        }
        List<DetectorScore> scores = new ArrayList<>(names.size());
        for (int d = 0; d < names.size(); d++) {
            List<RunOutcome> perRun = new ArrayList<>(runs);
            for (RunOutcome[] run : outcomes) {
                perRun.add(run[d]);
            }
            scores.add(Scoring.score(names.get(d), stream, perRun));
        }
        return scores;
    }

    /** The seed of run {@code run} under evaluation seed {@code seed}. */
    public static long runSeed(long seed, int run) {
        // SplitMix64's finaliser: neighbouring runs get unrelated seeds
        long z = seed + (run + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private RunOutcome[] run(StreamSpec stream, List<String> names, long runSeed) {
        DoubleSupplier source = stream.open(runSeed);
        double[] values = new double[stream.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = source.getAsDouble();
        }
        RunOutcome[] outcomes = new RunOutcome[names.size()];
        for (int d = 0; d < names.size(); d++) {
            DriftDetector detector = detectors.get(names.get(d)).get();
            outcomes[d] = RunOutcome.watch(detector, values, stream.driftStart());
        }
        return outcomes;
    }
}
