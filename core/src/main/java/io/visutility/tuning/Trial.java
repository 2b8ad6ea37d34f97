package io.visutility.tuning;

import io.visutility.training.Budget;
import java.util.Objects;

/**
 * One evaluated candidate of a study: what a tuner learns from.
 *
 * @param number    0, 1, 2 ... in the order asked
 * @param params    the candidate
 * @param objective the score to maximise, or NaN when the trial failed or is still running
 * @param error     why it failed, or null (when it succeeded or is still running)
 * @param budget    the compute the trial was given; a scheduler compares objectives only at equal budgets
 */
public record Trial(int number, HyperParams params, double objective, String error, Budget budget) {

    /** Checks the record. */
    public Trial {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(budget, "budget");
        if (number < 0) {
            throw new TunerException("trial number must be >= 0, was " + number);
        }
    }

    /** A trial with the full budget. */
    public Trial(int number, HyperParams params, double objective, String error) {
        this(number, params, objective, error, Budget.full());
    }

    /** A trial that produced a score with the full budget. */
    public static Trial succeeded(int number, HyperParams params, double objective) {
        return succeeded(number, params, objective, Budget.full());
    }

    /** A trial that produced a score with {@code budget}. */
    public static Trial succeeded(int number, HyperParams params, double objective, Budget budget) {
        if (!Double.isFinite(objective)) {
            throw new TunerException("objective of trial " + number + " must be finite, was " + objective);
        }
        return new Trial(number, params, objective, null, budget);
    }

    /** A trial that failed with the full budget. */
    public static Trial failed(int number, HyperParams params, String error) {
        return failed(number, params, error, Budget.full());
    }

    /** A trial that failed with {@code budget}. */
    public static Trial failed(int number, HyperParams params, String error, Budget budget) {
        return new Trial(number, params, Double.NaN, Objects.requireNonNull(error, "error"), budget);
    }

    /**
     * A trial that was started and has not finished: tuners count it (so parallel asks get distinct
     * numbers and seeds) but learn nothing from it.
     */
    public static Trial pending(int number, HyperParams params, Budget budget) {
        return new Trial(number, params, Double.NaN, null, budget);
    }

    /** Whether the trial produced a score. */
    public boolean succeeded() {
        return error == null && !Double.isNaN(objective);
    }

    /** Whether the trial failed. */
    public boolean failed() {
        return error != null;
    }

    /** Whether the trial is still running. */
    public boolean pending() {
        return error == null && Double.isNaN(objective);
    }
}
