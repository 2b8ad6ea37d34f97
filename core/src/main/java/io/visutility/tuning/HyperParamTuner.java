package io.visutility.tuning;

import java.util.List;

/**
 * Proposes hyper-parameters to try, ask/tell style: the caller passes the study's history and the tuner
 * proposes the next candidate. A tuner keeps no state of its own between calls, so a study can resume
 * from its stored trials, and the same seed and history give the same proposal.
 */
public interface HyperParamTuner {

    /**
     * The next candidate to train.
     *
     * @param base    the serving champion's parameters (the warm start), or the trainer's defaults
     * @param history trials of this study so far, numbered 0..n-1 in order; trials still running are
     *                {@link Trial#pending() pending} and count for numbering only
     * @throws SearchSpaceExhaustedException when there is nothing new to propose
     */
    HyperParams ask(HyperParams base, List<Trial> history);

    /**
     * A tuner that also learns from {@code prior}: trials of earlier studies of the same model, which
     * model-based tuners (TPE) use as extra history; they never count for numbering. The default ignores them.
     */
    default HyperParamTuner withPrior(List<Trial> prior) {
        return this;
    }

    /** The original design's call: one candidate derived from {@code base}, with no history. */
    default HyperParams tune(HyperParams base) {
        return ask(base, List.of());
    }
}
