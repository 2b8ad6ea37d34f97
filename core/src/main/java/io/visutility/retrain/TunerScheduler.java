package io.visutility.retrain;

import io.visutility.tuning.HyperParamTuner;
import io.visutility.tuning.HyperParams;
import io.visutility.tuning.SearchSpaceExhaustedException;
import io.visutility.tuning.Suggestion;
import io.visutility.tuning.Trial;
import io.visutility.tuning.TrialScheduler;
import java.util.List;
import java.util.Optional;

/**
 * {@link TrialScheduler#fullBudget} over a tuner, remembering why the tuner ran dry, so a study that got
 * no candidate at all can say so instead of only "nothing proposed".
 */
final class TunerScheduler implements TrialScheduler {
    private final TrialScheduler delegate;
    private volatile String exhausted;

    TunerScheduler(HyperParamTuner tuner, int trials) {
        this.delegate = TrialScheduler.fullBudget((base, history) -> {
            try {
                return tuner.ask(base, history);
            } catch (SearchSpaceExhaustedException e) {
                exhausted = e.getMessage();
                throw e;
            }
        }, trials);
    }

    @Override
    public Optional<Suggestion> next(HyperParams base, List<Trial> history) {
        return delegate.next(base, history);
    }

    /** The tuner's exhaustion message, or null while it has proposed every time. */
    String exhausted() {
        return exhausted;
    }
}
