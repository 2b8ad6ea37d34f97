package io.visutility.drift.eval;

import io.visutility.drift.DriftException;
import io.visutility.drift.eval.internal.BinnedNaiveBayes;
import io.visutility.drift.eval.internal.ModelErrorStream;
import io.visutility.drift.stream.BernoulliStream;
import io.visutility.drift.stream.RowStream;
import io.visutility.drift.stream.RowStreams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;

/**
 * The named streams detectors are evaluated on: Bernoulli error streams with an abrupt, a small and a
 * gradual change, a long stationary one, and the error streams of a frozen model when SEA and Agrawal
 * change concept. Every change begins at value 10,000 of 20,000.
 */
public final class StreamCatalogue {
    /** Where every drifting stream's change begins. */
    public static final int DRIFT_AT = 10_000;
    /** Values per run of every drifting stream. */
    public static final int LENGTH = 20_000;
    /** Values per run of the stationary stream. */
    public static final int STATIONARY_LENGTH = 1_000_000;
    /** Width of the gradual change. */
    public static final int GRADUAL_WIDTH = 2_000;

    private static final Map<String, StreamSpec> STREAMS = new LinkedHashMap<>();

    static {
        add(new StreamSpec("bernoulli-abrupt", "error rate 0.2 -> 0.4 at once", LENGTH, DRIFT_AT,
                seed -> BernoulliStream.abrupt(0.2, 0.4, DRIFT_AT, seed)::next));
        add(new StreamSpec("bernoulli-small", "error rate 0.2 -> 0.25 at once", LENGTH, DRIFT_AT,
                seed -> BernoulliStream.abrupt(0.2, 0.25, DRIFT_AT, seed)::next));
        // the sigmoid is centred half a width after the start, so the change runs over about 2,000 values from there
        add(new StreamSpec("bernoulli-gradual", "error rate 0.2 -> 0.4 over 2,000 values", LENGTH, DRIFT_AT,
                seed -> BernoulliStream.gradual(0.2, 0.4, DRIFT_AT + GRADUAL_WIDTH / 2, GRADUAL_WIDTH, seed)::next));
        add(new StreamSpec("stationary", "error rate 0.2 throughout", STATIONARY_LENGTH, StreamSpec.NO_DRIFT,
                seed -> BernoulliStream.stationary(0.2, seed)::next));
        add(new StreamSpec("sea-error", "a frozen Naive Bayes trained on SEA concept 1, the stream turning to concept 4",
                LENGTH, DRIFT_AT, seed -> modelErrors(seed, s -> RowStreams.sea(1, 0.1, s), s -> RowStreams.sea(4, 0.1, s))));
        add(new StreamSpec("agrawal-error", "a frozen Naive Bayes trained on Agrawal function 2, the stream turning to function 3",
                LENGTH, DRIFT_AT, seed -> modelErrors(seed, s -> RowStreams.agrawal(2, 0.05, s),
                        s -> RowStreams.agrawal(3, 0.05, s))));
    }

    private StreamCatalogue() {
    }

    /** The names of all streams, in the order they are reported. */
    public static List<String> names() {
        return List.copyOf(STREAMS.keySet());
    }

    /** All streams, in the order they are reported. */
    public static List<StreamSpec> all() {
        return List.copyOf(STREAMS.values());
    }

    /** The stream named {@code name}. */
    public static StreamSpec byName(String name) {
        StreamSpec spec = STREAMS.get(name);
        if (spec == null) {
            throw new DriftException("stream must be one of " + names() + ", was '" + name + "'");
        }
        return spec;
    }

    private static void add(StreamSpec spec) {
        STREAMS.put(spec.name(), spec);
    }

    private static DoubleSupplier modelErrors(long seed, IntFunction<RowStream> beforeOf, IntFunction<RowStream> afterOf) {
        // the model learns the first concept from rows of its own, then watches a stream it never trains on
        SplittableRandom seeds = new SplittableRandom(seed);
        BinnedNaiveBayes model = BinnedNaiveBayes.fit(beforeOf.apply(seeds.nextInt()).take(2_000), 10);
        RowStream rows = RowStreams.drift(beforeOf.apply(seeds.nextInt()), afterOf.apply(seeds.nextInt()),
                DRIFT_AT, 0, seeds.nextLong());
        return new ModelErrorStream(model, rows);
    }
}
