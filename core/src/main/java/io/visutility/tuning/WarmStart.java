package io.visutility.tuning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The warm start every tuner shares: a study's first candidate is the champion's own parameters. */
final class WarmStart {
    private WarmStart() {
    }

    /**
     * The base restricted to the space's parameters, defaults filled in; null when a value is out of
     * range, in which case the first trial is proposed like the others instead of failing every retrain.
     */
    static HyperParams of(SearchSpace space, HyperParams base) {
        Map<String, Object> known = new LinkedHashMap<>();
        Set<String> names = space.params().stream().map(ParamSpec::name).collect(Collectors.toSet());
        base.names().stream().filter(names::contains).forEach(n -> known.put(n, base.get(n)));
        try {
            return space.validate(HyperParams.of(known));
        } catch (TunerException e) {
            return null;
        }
    }

    /** A generator seed from a tuner's seed and a trial number; SplitMix-style so neighbours do not correlate. */
    static long mix(long seed, long number) {
        long mixed = seed * 0x9E3779B97F4A7C15L + number * 0xBF58476D1CE4E5B9L;
        return mixed ^ (mixed >>> 31);
    }
}
