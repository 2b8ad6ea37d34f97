package io.visutility.bench;

import io.visutility.bus.EventBus;
import io.visutility.event.MonitorEvent;
import io.visutility.jobs.Job;
import io.visutility.registry.Lineage;
import io.visutility.registry.ModelRegistry;
import io.visutility.registry.NewModelVersion;
import io.visutility.retrain.RetrainOutcome;
import io.visutility.retrain.RetrainPipeline;
import io.visutility.store.Store;
import io.visutility.training.Dataset;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.ParamSpec;
import io.visutility.tuning.RandomSearchTuner;
import io.visutility.tuning.SearchSpace;
import io.visutility.xgboost.XGBoostTrainer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Retrain turnaround, drift to promotion: a champion fitted on one concept of a 20-feature problem, the
 * concept drifts, and one retrain job (queued in a SQLite store, as a drift alarm queues it) snapshots
 * 100,000 labelled rows, runs 20 XGBoost trials {@code parallelism} at a time, registers the best and
 * gates it against the champion. Prints the wall time split into data, trials, register and gate.
 * Usage: {@code java -cp visutility-bench.jar io.visutility.bench.RetrainTurnaroundBench [rows] [trials] [parallelism]}.
 */
public final class RetrainTurnaroundBench {
    private static final int FEATURES = 20;
    private static final String MODEL = "turnaround";

    private RetrainTurnaroundBench() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int cores = Runtime.getRuntime().availableProcessors();
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : cores;
        Path dir = Files.createTempDirectory("turnaround-");
        // Trials share the cores: each XGBoost fit gets its share of threads.
        XGBoostTrainer trainer = new XGBoostTrainer(Math.max(1, cores / parallelism));
        // The tuner explores a declared sub-space of XGBoost's, with at most 200 rounds a trial.
        SearchSpace space = SearchSpace.of(
                new ParamSpec.FloatParam("learning_rate", "shrinkage", 0.02, 0.5, true, 0.3),
                new ParamSpec.IntParam("max_depth", "tree depth", 2, 8, 1, 6L),
                new ParamSpec.IntParam("n_estimators", "boosting rounds", 20, 200, 10, 100L),
                new ParamSpec.FloatParam("subsample", "row share per tree", 0.5, 1.0, false, 1.0));
        long[] marks = new long[5];
        List<Long> trialEnds = new ArrayList<>();
        try (Store store = Store.sqlite(dir); EventBus bus = EventBus.builder().executor(Runnable::run).build()) {
            seedChampion(store, trainer);
            bus.subscribe("timing", event -> {
                long now = System.nanoTime();
                if (event instanceof MonitorEvent.TrialCompleted) {
                    trialEnds.add(now);
                } else if (event instanceof MonitorEvent.ModelRegistered) {
                    marks[3] = now;
                } else if (event instanceof MonitorEvent.ModelPromoted || event instanceof MonitorEvent.PromotionRejected) {
                    marks[4] = now;
                }
            });
            RetrainPipeline pipeline = RetrainPipeline.builder().registry(store.registry()).artifacts(store.artifacts())
                    .studies(store.studies()).trainer(trainer).tuner(RandomSearchTuner.seeded(space, 7))
                    .trials(trials).parallelism(parallelism).bus(bus).seed(7)
                    .datasets(model -> {
                        Dataset data = concept(1, rows, 2);
                        marks[1] = System.nanoTime();
                        return data;
                    }).build();

            marks[0] = System.nanoTime();
            store.jobs().enqueue(MODEL, "drift-turnaround", 1);
            Job job = store.jobs().claim("bench", Duration.ofMinutes(30)).orElseThrow();
            RetrainOutcome outcome = pipeline.run(job);
            store.jobs().succeed(job);
            long end = System.nanoTime();

            marks[2] = trialEnds.get(trialEnds.size() - 1);
            System.out.printf(Locale.ROOT, "rows=%d features=%d trials=%d parallelism=%d cores=%d xgboostThreads=%d%n",
                    rows, FEATURES, trials, parallelism, cores, Math.max(1, cores / parallelism));
            System.out.printf(Locale.ROOT, "data     %7.2f s%n", seconds(marks[0], marks[1]));
            System.out.printf(Locale.ROOT, "trials   %7.2f s%n", seconds(marks[1], marks[2]));
            System.out.printf(Locale.ROOT, "register %7.2f s%n", seconds(marks[2], marks[3]));
            System.out.printf(Locale.ROOT, "gate     %7.2f s%n", seconds(marks[3], marks[4]));
            System.out.printf(Locale.ROOT, "total    %7.2f s (drift to %s)%n", seconds(marks[0], end),
                    outcome.promoted() ? "promoted" : "rejected");
            // On a shared machine the wall time says as much about the neighbours as about the retrain.
            System.out.printf(Locale.ROOT, "process cpu %.2f s, load average %.1f on %d cores%n", cpuSeconds(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), cores);
            System.out.printf(Locale.ROOT, "champion f1 %.4f, candidate f1 %.4f: %s%n",
                    outcome.championHoldout().f1(), outcome.candidateHoldout().f1(), outcome.decision().reason());
        }
    }

    private static void seedChampion(Store store, XGBoostTrainer trainer) {
        Dataset.Split old = concept(0, 20_000, 1).split(0.25, 1);
        TrainingResult result = trainer.train(new TrainingRequest(MODEL, trainer.searchSpace().defaults(),
                old.train(), old.validation(), 1));
        String sha = store.artifacts().put(result.artifact()).sha256();
        int version = store.registry().register(new NewModelVersion(MODEL, sha, result.params(),
                result.validation().asMap(), Lineage.manual(trainer.name(), Map.of("concept", "0")), null)).version();
        store.registry().setAlias(MODEL, ModelRegistry.CHAMPION, version, null, "seeded", "bench");
    }

    /**
     * Rows whose label is a noisy linear rule over the 20 features; each concept weighs them differently,
     * so a model of one concept degrades on the next: the drift the retrain answers.
     */
    static Dataset concept(int concept, int rows, long seed) {
        Random weights = new Random(1000 + concept);
        double[] w = IntStream.range(0, FEATURES).mapToDouble(i -> weights.nextGaussian()).toArray();
        Random random = new Random(seed * 31 + concept);
        float[] x = new float[rows * FEATURES];
        int[] y = new int[rows];
        for (int r = 0; r < rows; r++) {
            double score = 0;
            for (int f = 0; f < FEATURES; f++) {
                float v = (float) random.nextGaussian();
                x[r * FEATURES + f] = v;
                score += w[f] * v + (f % 5 == 0 ? 0.5 * v * v * w[(f + 1) % FEATURES] : 0);
            }
            y[r] = score + random.nextGaussian() > 0 ? 1 : 0;
        }
        List<String> names = IntStream.range(0, FEATURES).mapToObj(i -> "x" + i).toList();
        return Dataset.of(names, x, y);
    }

    private static double cpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }
}
