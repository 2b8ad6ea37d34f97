package io.visutility.bench;

import io.visutility.training.Budget;
import io.visutility.training.Dataset;
import io.visutility.training.Trainer;
import io.visutility.training.TrainingRequest;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.Suggestion;
import io.visutility.tuning.Trial;
import io.visutility.tuning.TrialScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one study to its end, one trial at a time, scoring each trial by validation AUC, and keeps what
 * the tuning benchmark reports: every trial and the boosting rounds each one spent.
 *
 * @param trials the trials in order, with their AUC as the objective
 * @param rounds boosting rounds each trial trained, in the same order
 */
record TuningStudy(List<Trial> trials, List<Integer> rounds) {
    private static final long TRAINING_SEED = 42;

    /** Runs {@code scheduler}'s study on {@code split} until it offers nothing more. */
    static TuningStudy run(Trainer trainer, TrialScheduler scheduler, Dataset.Split split) {
        List<Trial> trials = new ArrayList<>();
        List<Integer> rounds = new ArrayList<>();
        Optional<Suggestion> next;
        while ((next = scheduler.next(HyperParams.empty(), trials)).isPresent()) {
            Suggestion s = next.get();
            var result = trainer.train(new TrainingRequest("tuning-bench", s.params(), split.train(),
                    split.validation(), TRAINING_SEED, s.budget()));
            trials.add(Trial.succeeded(trials.size(), s.params(), result.validation().auc(), s.budget()));
            rounds.add(result.params().getInt("n_estimators"));
        }
        return new TuningStudy(List.copyOf(trials), List.copyOf(rounds));
    }

    /** The best AUC among the first {@code n} trials (all if fewer). */
    double bestAfter(int n) {
        return trials.subList(0, Math.min(n, trials.size())).stream().mapToDouble(Trial::objective).max()
                .orElse(Double.NaN);
    }

    /** The best AUC among the trials that had {@code budget}. */
    double bestAt(Budget budget) {
        return trials.stream().filter(t -> t.budget().equals(budget)).mapToDouble(Trial::objective).max()
                .orElse(Double.NaN);
    }

    /** Boosting rounds spent by all trials. */
    long totalRounds() {
        return rounds.stream().mapToLong(Integer::longValue).sum();
    }
}
