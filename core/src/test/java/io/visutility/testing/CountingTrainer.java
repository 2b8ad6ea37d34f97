package io.visutility.testing;

import io.visutility.training.Predictor;
import io.visutility.training.Trainer;
import io.visutility.training.TrainingRequest;
import io.visutility.training.TrainingResult;
import io.visutility.tuning.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Wraps a trainer, remembers the seed of every training call (a study derives it from the trial number)
 * and runs a hook before each, which a test uses to crash a process mid-study or to move a clock.
 */
public final class CountingTrainer implements Trainer {
    private final Trainer delegate;
    private final List<Long> seeds = new ArrayList<>();
    private volatile Consumer<TrainingRequest> before = request -> { };

    /** Counts the calls made to {@code delegate}. */
    public CountingTrainer(Trainer delegate) {
        this.delegate = delegate;
    }

    /** Runs {@code hook} before every later training call; a hook that throws stops the call. */
    public CountingTrainer before(Consumer<TrainingRequest> hook) {
        this.before = hook;
        return this;
    }

    /** The seeds of every training call so far, in call order. */
    public synchronized List<Long> seeds() {
        return List.copyOf(seeds);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public SearchSpace searchSpace() {
        return delegate.searchSpace();
    }

    @Override
    public TrainingResult train(TrainingRequest request) {
        synchronized (this) {
            seeds.add(request.seed());
        }
        before.accept(request);
        return delegate.train(request);
    }

    @Override
    public Predictor load(byte[] artifact) {
        return delegate.load(artifact);
    }
}
