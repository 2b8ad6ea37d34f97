package io.visutility.tuning;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Random search over a declared space. The first candidate is the warm start (the champion's own
 * parameters, refitted on fresh data; names outside the space are ignored); each later one is drawn independently with a generator seeded
 * by the tuner's seed and the trial number, so a study replays identically and resumes anywhere.
 */
public final class RandomSearchTuner implements HyperParamTuner {
    private final SearchSpace space;
    private final long seed;
    private final boolean warmStart;

    private RandomSearchTuner(SearchSpace space, long seed, boolean warmStart) {
        this.space = Objects.requireNonNull(space, "space");
        this.seed = seed;
        this.warmStart = warmStart;
    }

    /** A seeded tuner whose first candidate is the base parameters. */
    public static RandomSearchTuner seeded(SearchSpace space, long seed) {
        return new RandomSearchTuner(space, seed, true);
    }

    /** A seeded tuner that samples every candidate, ignoring the base parameters. */
    public static RandomSearchTuner coldStart(SearchSpace space, long seed) {
        return new RandomSearchTuner(space, seed, false);
    }

    @Override
    public HyperParams ask(HyperParams base, List<Trial> history) {
        int number = history.size();
        if (warmStart && number == 0) {
            HyperParams known = WarmStart.of(space, base);
            if (known != null) {
                return known;
            }
        }
        return space.sample(new Random(WarmStart.mix(seed, number)));
    }
}
