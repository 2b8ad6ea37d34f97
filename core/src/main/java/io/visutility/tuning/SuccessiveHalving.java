package io.visutility.tuning;

import io.visutility.training.Budget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2018) over any tuner. Budgets form rungs
 * {@code max / eta^k}, k = K..0, where K is the largest with {@code max / eta^K >= min} (rounds are rounded).
 * When asked, it promotes from the highest rung that has a succeeded trial in the top {@code 1/eta} of that
 * rung's finished trials (failed ones count as finished, never as top) whose candidate has no trial at the
 * next rung yet; the promotion trains the same parameters with the next rung's budget. Otherwise it starts
 * a new candidate from the tuner at the lowest rung, until {@code candidates} have been started.
 *
 * <p>It keeps no state: rungs are read from the trials' budgets (trials of other budgets are ignored) and
 * pending trials count as started. An empty answer means nothing can be done now; since promotions depend
 * on results, a caller with trials still running asks again when they finish.
 */
public final class SuccessiveHalving implements TrialScheduler {
    private final HyperParamTuner tuner;
    private final List<Budget> rungs;
    private final int eta;
    private final int candidates;

    private SuccessiveHalving(HyperParamTuner tuner, List<Budget> rungs, int eta, int candidates) {
        this.tuner = tuner;
        this.rungs = rungs;
        this.eta = eta;
        this.candidates = candidates;
    }

    /**
     * ASHA from {@code min} to {@code max} budget (both ROUNDS or both FRACTION, min &lt; max), keeping the
     * top {@code 1/eta} (eta >= 2) of each rung, starting {@code candidates} (>= 1) new candidates in all.
     */
    public static SuccessiveHalving of(HyperParamTuner tuner, Budget min, Budget max, int eta, int candidates) {
        Objects.requireNonNull(tuner, "tuner");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isFull() || min.unit() != max.unit()) {
            throw new TunerException("min and max budget must both be rounds or both fractions, were " + min
                    + " and " + max);
        }
        if (!(min.amount() < max.amount())) {
            throw new TunerException("min budget must be below max budget, were " + min + " and " + max);
        }
        if (eta < 2) {
            throw new TunerException("eta must be >= 2, was " + eta);
        }
        if (candidates < 1) {
            throw new TunerException("candidates must be >= 1, was " + candidates);
        }
        int top = (int) Math.floor(Math.log(max.amount() / min.amount()) / Math.log(eta) + 1e-9);
        List<Budget> rungs = new ArrayList<>();
        for (int k = top; k >= 0; k--) {
            double amount = max.amount() / Math.pow(eta, k);
            Budget b = max.unit() == Budget.Unit.ROUNDS ? Budget.rounds((int) Math.round(amount))
                    : Budget.fraction(amount);
            if (rungs.isEmpty() || !rungs.get(rungs.size() - 1).equals(b)) {
                rungs.add(b);
            }
        }
        return new SuccessiveHalving(tuner, List.copyOf(rungs), eta, candidates);
    }

    /** ASHA with eta 3. */
    public static SuccessiveHalving of(HyperParamTuner tuner, Budget min, Budget max, int candidates) {
        return of(tuner, min, max, 3, candidates);
    }

    /** The rung budgets, smallest first. */
    public List<Budget> rungs() {
        return rungs;
    }

    @Override
    public Optional<Suggestion> next(HyperParams base, List<Trial> history) {
        for (int k = rungs.size() - 2; k >= 0; k--) {
            Optional<Trial> promotable = promotable(k, history);
            if (promotable.isPresent()) {
                Trial t = promotable.get();
                return Optional.of(new Suggestion(t.params(), rungs.get(k + 1), t.number()));
            }
        }
        long started = history.stream().filter(t -> t.budget().equals(rungs.get(0))).count();
        if (started >= candidates) {
            return Optional.empty();
        }
        try {
            return Optional.of(Suggestion.of(tuner.ask(base, history), rungs.get(0)));
        } catch (SearchSpaceExhaustedException e) {
            return Optional.empty();
        }
    }

    private Optional<Trial> promotable(int k, List<Trial> history) {
        Budget rung = rungs.get(k);
        Budget next = rungs.get(k + 1);
        List<Trial> finished = history.stream().filter(t -> t.budget().equals(rung) && !t.pending()).toList();
        int top = finished.size() / eta;
        List<HyperParams> above = history.stream().filter(t -> t.budget().equals(next)).map(Trial::params).toList();
        return finished.stream().filter(Trial::succeeded)
                .sorted(Comparator.comparingDouble(Trial::objective).reversed().thenComparingInt(Trial::number))
                .limit(top)
                .filter(t -> !above.contains(t.params()))
                .findFirst();
    }

    @Override
    public String toString() {
        return "SuccessiveHalving[rungs=" + rungs + ", eta=" + eta + ", candidates=" + candidates + ", tuner="
                + tuner + "]";
    }
}
