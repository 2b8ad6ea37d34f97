package io.visutility.tuning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

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
            HyperParams known = knownPart(base);
            if (known != null) {
                return known;
            }
        }
        // SplitMix-style mixing keeps neighbouring (seed, number) pairs from giving correlated streams.
        long mixed = seed * 0x9E3779B97F4A7C15L + number * 0xBF58476D1CE4E5B9L;
        return space.sample(new Random(mixed ^ (mixed >>> 31)));
    }

    /**
     * The base restricted to this space's parameters, defaults filled in; null when a value is out of
     * range, in which case the first trial is sampled like the others instead of failing every retrain.
     */
    private HyperParams knownPart(HyperParams base) {
        Map<String, Object> known = new LinkedHashMap<>();
        Set<String> names = space.params().stream().map(ParamSpec::name).collect(Collectors.toSet());
        base.names().stream().filter(names::contains).forEach(n -> known.put(n, base.get(n)));
        try {
            return space.validate(HyperParams.of(known));
        } catch (TunerException e) {
            return null;
        }
    }
}
