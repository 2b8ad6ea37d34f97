package io.visutility.tuning;

import java.util.List;

/**
 * The original design's tuner: each candidate multiplies the learning rate by 0.8, never below 1e-5;
 * at the floor the space is exhausted. Kept as a baseline; exhaustion ends a study, not the observer.
 */
public final class SimpleDecayTuner implements HyperParamTuner {
    /** The parameter decayed. */
    public static final String LEARNING_RATE = "learning_rate";

    private final double factor;
    private final double floor;

    /** Decay by 0.8 down to 1e-5, as in the original design. */
    public SimpleDecayTuner() {
        this(0.8, 1e-5);
    }

    /** Decay by {@code factor} in (0, 1) down to {@code floor} > 0. */
    public SimpleDecayTuner(double factor, double floor) {
        if (!(factor > 0 && factor < 1)) {
            throw new TunerException("factor must be within (0, 1), was " + factor);
        }
        if (!(floor > 0) || !Double.isFinite(floor)) {
            throw new TunerException("floor must be > 0, was " + floor);
        }
        this.factor = factor;
        this.floor = floor;
    }

    @Override
    public HyperParams ask(HyperParams base, List<Trial> history) {
        HyperParams from = history.isEmpty() ? base : history.get(history.size() - 1).params();
        if (!from.has(LEARNING_RATE)) {
            throw new TunerException("SimpleDecayTuner needs a " + LEARNING_RATE + " in the base parameters, got "
                    + from.names());
        }
        double lr = from.getDouble(LEARNING_RATE);
        double next = Math.max(lr * factor, floor);
        if (Math.abs(next - lr) < Math.ulp(lr) * 4 || next >= lr) {
            throw new SearchSpaceExhaustedException("learning_rate is at its floor " + floor + "; nothing left to try");
        }
        return from.with(LEARNING_RATE, next);
    }
}
