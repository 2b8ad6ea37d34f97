package io.visutility.tuning;

import io.visutility.training.Budget;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a study trains next and with how much compute, and when it is done. Like a tuner it keeps
 * no state between calls: everything it needs is in the history, so a resumed study continues exactly.
 */
public interface TrialScheduler {

    /**
     * The next trial to start, or empty when the study needs no more (trials still running may finish).
     *
     * @param base    the warm start (the champion's parameters, or the trainer's defaults)
     * @param history every trial so far, numbered 0..n-1; running ones are {@link Trial#pending() pending}
     * @throws TunerException when the underlying tuner cannot propose (exhaustion ends the study: empty)
     */
    Optional<Suggestion> next(HyperParams base, List<Trial> history);

    /** {@code trials} candidates from {@code tuner}, each with the full budget; ends early if the tuner is exhausted. */
    static TrialScheduler fullBudget(HyperParamTuner tuner, int trials) {
        if (trials < 1) {
            throw new TunerException("trials must be >= 1, was " + trials);
        }
        return (base, history) -> {
            if (history.size() >= trials) {
                return Optional.empty();
            }
            try {
                return Optional.of(Suggestion.of(tuner.ask(base, history), Budget.full()));
            } catch (SearchSpaceExhaustedException e) {
                return Optional.empty();
            }
        };
    }
}
