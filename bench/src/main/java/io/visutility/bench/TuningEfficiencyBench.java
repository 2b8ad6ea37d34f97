package io.visutility.bench;

import io.visutility.training.Budget;
import io.visutility.training.Dataset;
import io.visutility.training.SeaGenerator;
import io.visutility.training.Trainer;
import io.visutility.tuning.HyperParamTuner;
import io.visutility.tuning.ParamSpec;
import io.visutility.tuning.ParamSpec.FloatParam;
import io.visutility.tuning.ParamSpec.IntParam;
import io.visutility.tuning.RandomSearchTuner;
import io.visutility.tuning.SearchSpace;
import io.visutility.tuning.SuccessiveHalving;
import io.visutility.tuning.TpeTuner;
import io.visutility.tuning.TrialScheduler;
import io.visutility.xgboost.XGBoostTrainer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * How well the tuners spend XGBoost trainings: best validation AUC after 10, 20 and 50 trials for random
 * search and TPE, and successive halving (ASHA) against random candidates at full budget, each over
 * several seeds in one run. A main-method command rather than JMH: the figures are quality and rounds
 * spent, not time. Run {@code java -cp bench/target/visutility-bench.jar
 * io.visutility.bench.TuningEfficiencyBench [rows] [seeds]}.
 */
public final class TuningEfficiencyBench {
    /** The six tuned parameters: XGBoostTrainer's, narrowed so that one trial stays cheap. */
    static final SearchSpace SPACE = SearchSpace.of(
            new FloatParam("learning_rate", "", 0.005, 0.5, true, 0.3),
            new IntParam("max_depth", "", 1, 8, 1, 6L),
            new IntParam("n_estimators", "", 10, 200, 10, 100L),
            new FloatParam("subsample", "", 0.3, 1.0, false, 1.0),
            new FloatParam("min_child_weight", "", 0.0, 50.0, false, 1.0),
            new FloatParam("reg_lambda", "", 0.001, 100.0, true, 1.0));
    /** For successive halving the rounds are the budget, so n_estimators leaves the space. */
    static final SearchSpace BUDGETED_SPACE = SearchSpace.of(SPACE.params().stream()
            .filter(p -> !p.name().equals("n_estimators")).toArray(ParamSpec[]::new));
    static final Budget MAX = Budget.rounds(200);
    static final Budget MIN = Budget.rounds(7);

    /** What one run covers. */
    record Settings(int rows, int seeds, int[] checkpoints, int candidates) {
    }

    /** One seed's studies. */
    record SeedResult(TuningStudy random, TuningStudy tpe, TuningStudy fullBudget, TuningStudy asha,
                      TuningStudy ashaTpe) {
    }

    private TuningEfficiencyBench() {
    }

    /** Runs the benchmark: {@code [rows] [seeds]}, by default 50000 rows of SEA and 5 seeds. */
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long start = System.nanoTime();
        List<SeedResult> results = run(new Settings(rows, seeds, new int[] {10, 20, 50}, 27), new XGBoostTrainer(1),
                System.out);
        report(results, new int[] {10, 20, 50}, System.out);
        System.out.printf(Locale.ROOT, "took %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Runs every study for each seed on one fixed data set (SEA concept 1, 10 % label noise). */
    static List<SeedResult> run(Settings settings, Trainer trainer, PrintStream log) {
        Dataset.Split split = SeaGenerator.withNoise(20_261_128, 0.1).next(1, settings.rows()).split(0.2, 7);
        int trials = settings.checkpoints()[settings.checkpoints().length - 1];
        List<SeedResult> results = new ArrayList<>();
        for (int s = 1; s <= settings.seeds(); s++) {
            int seed = s;
            HyperParamTuner random = RandomSearchTuner.seeded(SPACE, seed);
            HyperParamTuner tpe = TpeTuner.seeded(SPACE, seed);
            HyperParamTuner candidates = RandomSearchTuner.seeded(BUDGETED_SPACE, seed);
            int n = settings.candidates();
            SeedResult r = new SeedResult(
                    timed(log, "random", () -> TuningStudy.run(trainer, TrialScheduler.fullBudget(random, trials), split)),
                    timed(log, "tpe", () -> TuningStudy.run(trainer, TrialScheduler.fullBudget(tpe, trials), split)),
                    timed(log, "full", () -> TuningStudy.run(trainer, atBudget(TrialScheduler.fullBudget(candidates, n)),
                            split)),
                    timed(log, "asha", () -> TuningStudy.run(trainer, SuccessiveHalving.of(candidates, MIN, MAX, 3, n),
                            split)),
                    timed(log, "asha+tpe", () -> TuningStudy.run(trainer,
                            SuccessiveHalving.of(TpeTuner.seeded(BUDGETED_SPACE, seed), MIN, MAX, 3, n), split)));
            log.printf(Locale.ROOT, "seed %d: random %.4f, tpe %.4f, full %.4f, asha %.4f, asha+tpe %.4f%n", seed,
                    r.random().bestAfter(trials), r.tpe().bestAfter(trials), r.fullBudget().bestAt(MAX),
                    r.asha().bestAt(MAX), r.ashaTpe().bestAt(MAX));
            results.add(r);
        }
        return results;
    }

    private static TuningStudy timed(PrintStream log, String name, java.util.function.Supplier<TuningStudy> study) {
        long start = System.nanoTime();
        TuningStudy done = study.get();
        log.printf(Locale.ROOT, "  %s: %d trials, %d rounds, %.1f s%n", name, done.trials().size(), done.totalRounds(),
                (System.nanoTime() - start) / 1e9);
        return done;
    }

    /** Random search's candidates, each trained with the maximum rounds. */
    private static TrialScheduler atBudget(TrialScheduler full) {
        return (base, history) -> full.next(base, history)
                .map(s -> new io.visutility.tuning.Suggestion(s.params(), MAX, -1));
    }

    /** Prints the tables BENCHMARKS.md shows: means and standard deviations over the seeds. */
    static void report(List<SeedResult> results, int[] checkpoints, PrintStream out) {
        out.println("| Tuner | " + String.join(" | ", java.util.Arrays.stream(checkpoints)
                .mapToObj(c -> "best AUC after " + c).toList()) + " |");
        out.println("|---" + "|---".repeat(checkpoints.length) + "|");
        for (String name : List.of("random", "tpe")) {
            StringBuilder row = new StringBuilder("| " + name + " |");
            for (int c : checkpoints) {
                row.append(' ').append(stat(results, r -> (name.equals("tpe") ? r.tpe() : r.random()).bestAfter(c)))
                        .append(" |");
            }
            out.println(row);
        }
        out.println();
        out.println("| Scheduler | trials | boosting rounds | best AUC at " + MAX + " |");
        out.println("|---|---|---|---|");
        out.println("| full budget | " + count(results, r -> r.fullBudget().trials().size()) + " | "
                + count(results, r -> r.fullBudget().totalRounds()) + " | " + stat(results, r -> r.fullBudget().bestAt(MAX))
                + " |");
        out.println("| ASHA over random | " + count(results, r -> r.asha().trials().size()) + " | "
                + count(results, r -> r.asha().totalRounds()) + " | " + stat(results, r -> r.asha().bestAt(MAX)) + " |");
        out.println("| ASHA over TPE | " + count(results, r -> r.ashaTpe().trials().size()) + " | "
                + count(results, r -> r.ashaTpe().totalRounds()) + " | " + stat(results, r -> r.ashaTpe().bestAt(MAX))
                + " |");
    }

    private static String stat(List<SeedResult> results, ToDoubleFunction<SeedResult> value) {
        return stat(results, value, 4);
    }

    private static String count(List<SeedResult> results, ToDoubleFunction<SeedResult> value) {
        return stat(results, value, 0);
    }

    private static String stat(List<SeedResult> results, ToDoubleFunction<SeedResult> value, int decimals) {
        double[] v = results.stream().mapToDouble(value).toArray();
        double mean = java.util.Arrays.stream(v).average().orElse(Double.NaN);
        double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum()
                / Math.max(1, v.length - 1));
        return String.format(Locale.ROOT, "%." + decimals + "f ± %." + decimals + "f", mean, sd);
    }
}
