package io.visutility.tuning;

import io.visutility.training.Budget;
import java.util.Objects;

/**
 * What a {@link TrialScheduler} wants trained next.
 *
 * @param params       the candidate
 * @param budget       the compute it may spend
 * @param promotedFrom the number of the earlier trial whose candidate this continues with a larger budget
 *                     (successive halving's promotion), or -1 for a new candidate
 */
public record Suggestion(HyperParams params, Budget budget, int promotedFrom) {

    /** Checks the record. */
    public Suggestion {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(budget, "budget");
        if (promotedFrom < -1) {
            throw new TunerException("promotedFrom must be a trial number or -1, was " + promotedFrom);
        }
    }

    /** A new candidate with {@code budget}. */
    public static Suggestion of(HyperParams params, Budget budget) {
        return new Suggestion(params, budget, -1);
    }
}
