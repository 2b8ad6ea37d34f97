package io.visutility.tuning;

import java.util.Objects;

/**
 * One evaluated candidate of a study: what a tuner learns from.
 *
 * @param number    0, 1, 2 ... in the order asked
 * @param params    the candidate
 * @param objective the score to maximise, or NaN when the trial failed
 * @param error     why it failed, or null
 */
public record Trial(int number, HyperParams params, double objective, String error) {

    /** Checks the record. */
    public Trial {
        Objects.requireNonNull(params, "params");
        if (number < 0) {
            throw new TunerException("trial number must be >= 0, was " + number);
        }
    }

    /** A trial that produced a score. */
    public static Trial succeeded(int number, HyperParams params, double objective) {
        if (!Double.isFinite(objective)) {
            throw new TunerException("objective of trial " + number + " must be finite, was " + objective);
        }
        return new Trial(number, params, objective, null);
    }

    /** A trial that failed. */
    public static Trial failed(int number, HyperParams params, String error) {
        return new Trial(number, params, Double.NaN, Objects.requireNonNull(error, "error"));
    }

    /** Whether the trial produced a score. */
    public boolean succeeded() {
        return error == null;
    }
}
